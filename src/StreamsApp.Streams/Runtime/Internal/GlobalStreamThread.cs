using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Keeps the global stores up to date on its own thread, as Kafka Streams' global stream thread does: it reads
/// every partition of the global topics (no consumer group), first to their end offsets — the bootstrap, which
/// stream threads wait for before they start — then continuously. Persistent stores resume from the global
/// checkpoint (<see cref="GlobalStateManager"/>); at each commit interval the thread flushes the stores and writes the
/// checkpoint once more than <see cref="StreamTask.CheckpointRecordThreshold"/> records came in since the last one
/// (Kafka's global offset delta threshold), and always on a clean close. Exactly-once changes nothing here: the
/// global consumer reads committed records only and the thread writes no output, so its stores never hold
/// uncommitted data and the checkpoint is kept while running (decision 0018).
/// </summary>
internal sealed class GlobalStreamThread
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private readonly GlobalStateUpdater _updater;
    private readonly GlobalStateManager _state;
    private readonly StreamThreadSetup _setup;
    private readonly GlobalDeadLetterCollector _deadLetters;
    private readonly Action<Exception> _onFailure;
    private readonly ILogger _log;
    private readonly TaskCompletionSource _bootstrapped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile bool _shutdownRequested;

    public GlobalStreamThread(
        GlobalStateUpdater updater,
        GlobalStateManager state,
        GlobalDeadLetterCollector deadLetters,
        StreamThreadSetup setup,
        string name,
        Action<Exception> onFailure)
    {
        _updater = updater;
        _state = state;
        _deadLetters = deadLetters;
        _setup = setup;
        _onFailure = onFailure;
        _log = setup.LoggerFactory.CreateLogger<GlobalStreamThread>();
        _thread = new Thread(Run) { IsBackground = true, Name = name };
    }

    /// <summary>The thread's name: the <c>thread-id</c> of the global stores' metrics.</summary>
    public string Name => _thread.Name!;

    /// <summary>Starts the thread; the task completes once every global partition was read to its end offset.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _thread.Start();
        return _bootstrapped.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The global stores' updater, which interactive queries read through.</summary>
    public GlobalStateUpdater Updater => _updater;

    public void RequestShutdown() => _shutdownRequested = true;

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Run()
    {
        try
        {
            var kafkaLog = new KafkaLogForwarder(_log);
            using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(ClientConfigs.AssignedConsumer(_setup.Config, $"{Name}-consumer"))
                .SetLogHandler((_, message) => kafkaLog.Log(message))
                .Build();
            var watermarks = _state.Partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, StoreChangelogReader.WatermarkTimeout));
            _state.LoadCheckpoint(watermarks);
            _updater.Initialize();
            var starts = _state.StartOffsets(_updater.Stores, watermarks);
            consumer.Assign(starts);
            _setup.Metrics.AddGauges(this, ReadGauges);
            Bootstrap(consumer, starts, watermarks);
            var lastFlush = _setup.Time.GetTimestamp();
            while (!_shutdownRequested)
            {
                if (consumer.Consume(PollTimeout) is { } record)
                {
                    Apply(record);
                }

                if (_setup.Time.GetElapsedTime(lastFlush) >= _setup.Config.EffectiveCommitInterval)
                {
                    MaybeCheckpoint(enforce: false);
                    lastFlush = _setup.Time.GetTimestamp();
                }
            }

            MaybeCheckpoint(enforce: true);
            _updater.Close();
        }
        catch (Exception e)
        {
            _bootstrapped.TrySetException(e);
            RuntimeLog.ThreadFailed(_log, e, Name);
            _onFailure(e);
        }
        finally
        {
            _setup.Metrics.RemoveGauges(this);
            _deadLetters.Dispose();
        }
    }

    private void Apply(ConsumeResult<byte[]?, byte[]?> record)
    {
        _updater.Update(record);
        _state.Applied(record.TopicPartition, record.Offset.Value);
    }

    private void MaybeCheckpoint(bool enforce)
    {
        if (enforce || _state.RecordsSinceCheckpoint > StreamTask.CheckpointRecordThreshold)
        {
            _updater.Flush();
            _state.Checkpoint();
        }
    }

    /// <summary>
    /// Reads each partition from its start to the end offset of now, reporting progress as a task's restoration
    /// does (<see cref="RestoreMetrics"/> under the global task id): each step's records, and the offsets left.
    /// </summary>
    private void Bootstrap(
        IConsumer<byte[]?, byte[]?> consumer, IReadOnlyList<TopicPartitionOffset> starts, Dictionary<TopicPartition, WatermarkOffsets> watermarks)
    {
        var metrics = new RestoreMetrics(_setup.Metrics, Name, _updater.TaskId);
        var positions = starts
            .Where(s => s.Offset.Value < watermarks[s.TopicPartition].High.Value)
            .ToDictionary(s => s.TopicPartition, s => s.Offset.Value);
        metrics.Remaining.Record(positions.Sum(p => watermarks[p.Key].High.Value - p.Value));
        long records = 0;
        while (positions.Count > 0 && !_shutdownRequested)
        {
            var step = 0;
            for (var timeout = PollTimeout; step < StoreChangelogReader.DefaultMaxRecordsPerStep && consumer.Consume(timeout) is { } record; step++)
            {
                // Only the first poll waits: the rest take what the consumer has fetched already.
                timeout = TimeSpan.Zero;
                Apply(record);
            }

            if (step > 0)
            {
                metrics.Restored.Record(step);
                records += step;
            }

            // The position, not the last offset seen: a transaction marker may be the partition's last offset.
            foreach (var (partition, position) in positions.ToList())
            {
                var reached = Math.Min(consumer.Position(partition).Value, watermarks[partition].High.Value);
                if (reached > position)
                {
                    metrics.Remaining.Record(position - reached);
                    positions[partition] = reached;
                }

                if (reached >= watermarks[partition].High.Value)
                {
                    positions.Remove(partition);
                }
            }
        }

        // Interrupted by a close: what was not read is no longer remaining.
        metrics.Remaining.Record(-positions.Sum(p => watermarks[p.Key].High.Value - p.Value));
        RuntimeLog.GlobalBootstrapped(_log, records, starts.Count);
        _bootstrapped.TrySetResult();
    }

    private void ReadGauges(ICollection<MetricValue> values)
    {
        lock (_updater.StoreLock)
        {
            StoreGauges.Read(Name, _updater.TaskId.ToString(), _updater.Stores, values);
        }
    }
}
