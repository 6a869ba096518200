using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Keeps the global stores up to date on its own thread, as Kafka Streams' global stream thread does: it reads
/// every partition of the global topics (no consumer group), first to their end offsets — the bootstrap, which
/// stream threads wait for before they start — then continuously.
/// </summary>
internal sealed class GlobalStreamThread
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private readonly GlobalStateUpdater _updater;
    private readonly StreamThreadSetup _setup;
    private readonly IReadOnlyDictionary<string, int> _partitionCounts;
    private readonly Action<Exception> _onFailure;
    private readonly ILogger _log;
    private readonly TaskCompletionSource _bootstrapped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile bool _shutdownRequested;

    public GlobalStreamThread(
        GlobalStateUpdater updater, StreamThreadSetup setup, IReadOnlyDictionary<string, int> partitionCounts, string name, Action<Exception> onFailure)
    {
        _updater = updater;
        _setup = setup;
        _partitionCounts = partitionCounts;
        _onFailure = onFailure;
        _log = setup.LoggerFactory.CreateLogger<GlobalStreamThread>();
        _thread = new Thread(Run) { IsBackground = true, Name = name };
    }

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
            using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(ClientConfigs.AssignedConsumer(_setup.Config, $"{_thread.Name}-consumer"))
                .SetLogHandler((_, message) => StreamThreadSetup.KafkaLog(_log, message))
                .Build();
            _updater.Initialize();
            var partitions = _updater.Topics
                .SelectMany(t => Enumerable.Range(0, _partitionCounts[t]).Select(p => new TopicPartition(t, p)))
                .ToList();
            consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
            Bootstrap(consumer, partitions);
            while (!_shutdownRequested)
            {
                if (consumer.Consume(PollTimeout) is { } record)
                {
                    _updater.Update(record);
                }
            }

            _updater.Close();
        }
        catch (Exception e)
        {
            _bootstrapped.TrySetException(e);
            RuntimeLog.ThreadFailed(_log, e, _thread.Name ?? "global");
            _onFailure(e);
        }
    }

    private void Bootstrap(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        var ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(30)).High.Value);
        var remaining = ends.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        long records = 0;
        while (remaining.Count > 0 && !_shutdownRequested)
        {
            // The position, not the last offset seen: a transaction marker may be the partition's last offset.
            if (consumer.Consume(PollTimeout) is { } record)
            {
                _updater.Update(record);
                records++;
                if (consumer.Position(record.TopicPartition).Value >= ends[record.TopicPartition])
                {
                    remaining.Remove(record.TopicPartition);
                }
            }
            else
            {
                remaining.RemoveWhere(p => consumer.Position(p).Value >= ends[p]);
            }
        }

        RuntimeLog.GlobalBootstrapped(_log, records, partitions.Count);
        _bootstrapped.TrySetResult();
    }
}
