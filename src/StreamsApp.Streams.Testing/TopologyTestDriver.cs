using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.State.Internal.Caching;
using StreamsApp.Streams.Testing.Internal;

namespace StreamsApp.Streams.Testing;

/// <summary>
/// Runs a topology synchronously and deterministically, with no broker: records piped into input topics are
/// processed at once by the same tasks, nodes and stores as in production, and what the topology writes (output,
/// repartition and changelog topics) can be read back. Each processed record is followed by a commit, so caches flush
/// and every update is visible. Unlike Kafka Streams' driver, topics may have several partitions (see
/// <see cref="TopologyTestDriverOptions.TopicPartitions"/>), one task per partition, so repartitioning is exercised.
/// </summary>
public sealed partial class TopologyTestDriver : IDisposable
{
    private readonly InternalTopologyBuilder _builder;
    private readonly StreamsConfig _config;
    private readonly ManualTimeProvider _time;
    private readonly Dictionary<TaskId, StreamTask> _tasks = [];
    private StreamTask[] _taskOrder = [];
    private readonly IReadOnlyDictionary<string, int> _sourcePartitions;
    private readonly Dictionary<string, int> _subtopologyByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<ProducedRecord>> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Topic, int Partition), long> _inputOffsets = [];
    private readonly TopologyTestDriverOptions _options;
    private readonly string? _ownedStateDir;
    private bool _disposed;
    private bool _failed;

    /// <summary>Creates a driver and initializes every task (stores opened, processors initialized).</summary>
    /// <param name="topology">The topology under test.</param>
    /// <param name="config">The configuration; default: application id <c>test-driver</c>. A config whose
    /// <see cref="StreamsConfig.StateDir"/> is left at its default gets a fresh temporary directory, deleted on dispose;
    /// a chosen one is kept, so a second driver on it finds persistent stores' data. A zero
    /// <see cref="StreamsConfig.CacheMaxBytesBuffering"/> removes the topology's caching layers, as in Kafka Streams.</param>
    /// <param name="options">Partitions, clock and logging.</param>
    public TopologyTestDriver(Topology topology, StreamsConfig? config = null, TopologyTestDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        _builder = topology.Builder;
        _options = options ?? new TopologyTestDriverOptions();
        _config = config ?? new StreamsConfig { ApplicationId = "test-driver" };
        _config.Validate();
        _builder.ApplyConfig(_config);
        if (_config.StateDir == StreamsConfig.DefaultStateDir)
        {
            _ownedStateDir = Directory.CreateTempSubdirectory("streamsapp-ttd-").FullName;
        }

        _time = new ManualTimeProvider(_options.InitialWallClockTime);
        Metrics = new StreamsMetrics(_config.MetricsRecordingLevel);
        try
        {
            var (topics, tasks) = PartitionCountResolver.Resolve(_builder, _config.ApplicationId, ExternalPartitions);
            _sourcePartitions = topics;
            CreateTasks(tasks, _options.LoggerFactory ?? NullLoggerFactory.Instance);
        }
        catch
        {
            // A topology that fails to start (co-partitioning, a throwing Init) must not leave open RocksDB stores,
            // whose locks would block the next driver, nor a temporary directory behind.
            CloseAll(clean: false);
            throw;
        }
    }

    /// <summary>The driver's wall clock.</summary>
    public TimeProvider Time => _time;

    /// <summary>The engine's metrics (dropped records, processed records, ...).</summary>
    public StreamsMetrics Metrics { get; }

    /// <summary>Every topic the topology wrote to so far, including repartition and changelog topics.</summary>
    public IReadOnlyCollection<string> ProducedTopicNames => _outputs.Keys;

    /// <summary>Creates a topic to pipe records into.</summary>
    public TestInputTopic<TKey, TValue> CreateInputTopic<TKey, TValue>(
        string topic, Serialization.ISerde<TKey> keySerde, Serialization.ISerde<TValue> valueSerde,
        DateTimeOffset? startTimestamp = null, TimeSpan? autoAdvance = null)
    {
        if ((!_sourcePartitions.ContainsKey(topic) || _builder.InternalTopics.Contains(topic)) && !_builder.GlobalTopics.Contains(topic))
        {
            throw new ArgumentException(
                $"Unknown input topic '{topic}': the topology reads [{string.Join(", ", _subtopologyByTopic.Keys)}]", nameof(topic));
        }

        return new TestInputTopic<TKey, TValue>(
            this, topic, keySerde, valueSerde, startTimestamp ?? _options.InitialWallClockTime, autoAdvance ?? TimeSpan.Zero);
    }

    /// <summary>Creates a topic to read what the topology writes (output, repartition or changelog topics).</summary>
    public TestOutputTopic<TKey, TValue> CreateOutputTopic<TKey, TValue>(
        string topic, Serialization.ISerde<TKey> keySerde, Serialization.ISerde<TValue> valueSerde) =>
        new(Output(topic), topic, keySerde, valueSerde);

    /// <summary>Moves the wall clock forward and runs the wall-clock punctuators that are due (once each).</summary>
    public void AdvanceWallClockTime(TimeSpan advance)
    {
        ThrowIfDisposed();
        _time.Advance(advance);
        try
        {
            foreach (var task in _taskOrder)
            {
                task.MaybePunctuateSystemTime();
            }

            RunUntilIdle();
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <summary>
    /// Closes every task (stores flushed and closed) and deletes a temporary state directory. After a processing
    /// error the tasks close dirty, as the runtime closes a failed task: a failed send would only fail the flush again.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CloseAll(clean: !_failed);
        Metrics.Dispose();
    }

    private void CloseAll(bool clean)
    {
        foreach (var task in _taskOrder)
        {
            task.Close(clean);
        }

        _globalState?.Close();
        if (_ownedStateDir is not null && Directory.Exists(_ownedStateDir))
        {
            Directory.Delete(_ownedStateDir, recursive: true);
        }
    }

    internal void Pipe(string topic, byte[]? key, byte[]? value, Headers? headers, long timestamp, int? partition)
    {
        ThrowIfDisposed();
        var count = PartitionCount(topic);
        var target = partition ?? (key is null ? 0 : Murmur2Partitioner.Partition(key, count));
        if (target < 0 || target >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(partition), target, $"Topic '{topic}' has {count} partition(s)");
        }

        if (_builder.GlobalTopics.Contains(topic))
        {
            UpdateGlobalState(topic, target, key, value, headers, timestamp);
            return;
        }

        try
        {
            Enqueue(topic, target, key, value, headers, timestamp);
            RunUntilIdle();
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    private void Enqueue(string topic, int partition, byte[]? key, byte[]? value, Headers? headers, long timestamp) =>
        _tasks[new TaskId(_subtopologyByTopic[topic], partition)].AddRecord(NextRecord(topic, partition, key, value, headers, timestamp));

    /// <summary>A consumed record at the partition's next offset.</summary>
    private ConsumeResult<byte[]?, byte[]?> NextRecord(string topic, int partition, byte[]? key, byte[]? value, Headers? headers, long timestamp)
    {
        var offset = _inputOffsets.GetValueOrDefault((topic, partition));
        _inputOffsets[(topic, partition)] = offset + 1;
        return new ConsumeResult<byte[]?, byte[]?>
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            Message = new Message<byte[]?, byte[]?>
            {
                Key = key,
                Value = value,
                Headers = HeaderSnapshot.Of(headers) ?? [],
                Timestamp = new Timestamp(timestamp, TimestampType.CreateTime),
            },
        };
    }

    private void OnProduced(ProducedRecord record)
    {
        Output(record.Topic).Enqueue(record);
        if (_subtopologyByTopic.ContainsKey(record.Topic))
        {
            Enqueue(record.Topic, record.Partition, record.Key, record.Value, record.Headers, record.Timestamp);
        }
    }

    private void CreateTasks(IReadOnlyDictionary<int, int> taskCounts, ILoggerFactory loggerFactory)
    {
        var cache = new ThreadCache(_config.CacheMaxBytesBuffering);
        var collector = new TestRecordCollector(PartitionCount, OnProduced, _options.RejectSend);
        var changelogs = _builder.ChangelogTopics(_config.ApplicationId);
        var logger = loggerFactory.CreateLogger<TopologyTestDriver>();
        var stateRoot = Path.Combine(_ownedStateDir ?? _config.StateDir, _config.ApplicationId);
        _globalState = CreateGlobalState(collector, logger, stateRoot);
        foreach (var subtopology in _builder.Subtopologies())
        {
            foreach (var topic in subtopology.SourceTopics)
            {
                _subtopologyByTopic[_builder.ResolveTopic(_config.ApplicationId, topic)] = subtopology.Id;
            }

            for (var partition = 0; partition < taskCounts[subtopology.Id]; partition++)
            {
                var id = new TaskId(subtopology.Id, partition);
                var stateDir = Directory.CreateDirectory(Path.Combine(stateRoot, id.ToString())).FullName;
                var stateManager = new ProcessorStateManager(id, changelogs);
                var context = new TaskContext(
                    id, _config, stateDir, collector, stateManager, _time, logger, new TaskMetrics(Metrics, "test-driver", id), cache, _globalState);
                _tasks.Add(id, new StreamTask(_builder.BuildTask(subtopology, _config.ApplicationId), context, stateManager));
            }
        }

        _taskOrder = [.. _tasks.Values.OrderBy(t => t.Id)];
        foreach (var task in _taskOrder)
        {
            task.Initialize();
        }
    }

    private int ExternalPartitions(string topic) => _options.TopicPartitions.TryGetValue(topic, out var count) ? count : _options.DefaultPartitions;

    private int PartitionCount(string topic) =>
        _sourcePartitions.TryGetValue(topic, out var count) ? count : ExternalPartitions(topic);

    private Queue<ProducedRecord> Output(string topic)
    {
        if (!_outputs.TryGetValue(topic, out var queue))
        {
            queue = new Queue<ProducedRecord>();
            _outputs.Add(topic, queue);
        }

        return queue;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
