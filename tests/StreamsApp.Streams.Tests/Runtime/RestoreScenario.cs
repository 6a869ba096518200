using System.Text;
using Confluent.Kafka;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// An embedded cluster, a state directory and a changelog reader over a real restore consumer: tests produce
/// changelog records, open tasks, and restore them as a stream thread would.
/// </summary>
internal sealed class RestoreScenario : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TempStateRoot _root = new();
    private readonly IProducer<byte[], byte[]?> _producer;
    private readonly List<TaskHarness> _tasks = [];

    public RestoreScenario(
        string applicationId, int maxRecordsPerStep = StoreChangelogReader.DefaultMaxRecordsPerStep, Func<string, bool>? keepsEveryKey = null)
    {
        Config = new StreamsConfig { ApplicationId = applicationId, BootstrapServers = Cluster.BootstrapServers, StateDir = _root.Path };
        Directory = _root.Open(applicationId);
        _producer = new ProducerBuilder<byte[], byte[]?>(new ProducerConfig { BootstrapServers = Cluster.BootstrapServers, LingerMs = 5 })
            .SetLogHandler((_, _) => { })
            .Build();
        var consumer = new ConsumerBuilder<byte[]?, byte[]?>(ClientConfigs.AssignedConsumer(Config, "restore-consumer"))
            .SetLogHandler((_, _) => { })
            .Build();
        var offsets = new ChangelogOffsetReader(ClientConfigs.Admin(Config, "changelog-offsets"), readsStableOffsets: false, StoreChangelogReader.WatermarkTimeout);
        Reader = new StoreChangelogReader(consumer, Metrics, "test-thread", Log, offsets, maxRecordsPerStep, keepsEveryKey: keepsEveryKey);
    }

    public EmbeddedKafkaCluster Cluster { get; } = EmbeddedKafkaCluster.Start();

    public StreamsConfig Config { get; }

    public StateDirectory Directory { get; }

    public StreamsMetrics Metrics { get; } = new();

    public ListLogger Log { get; } = new();

    public StoreChangelogReader Reader { get; }

    /// <summary>Produces records to a changelog partition, in order, and waits until all are written.</summary>
    public void Produce(string topic, int partition, IEnumerable<(byte[] Key, byte[]? Value, long Timestamp)> records)
    {
        var failures = new List<Error>();
        foreach (var (key, value, timestamp) in records)
        {
            var message = new Message<byte[], byte[]?> { Key = key, Value = value, Timestamp = new Timestamp(timestamp, TimestampType.CreateTime) };
            _producer.Produce(new TopicPartition(topic, partition), message, report =>
            {
                if (report.Error.IsError)
                {
                    lock (failures)
                    {
                        failures.Add(report.Error);
                    }
                }
            });
        }

        Assert.Equal(0, _producer.Flush(Timeout));
        Assert.Empty(failures);
    }

    /// <summary>Produces string records with timestamp 0; a null value is a tombstone.</summary>
    public void Produce(string topic, int partition, params (string Key, string? Value)[] records) =>
        Produce(topic, partition, records.Select(r => (Bytes(r.Key), r.Value is null ? null : Bytes(r.Value), 0L)));

    /// <summary>Opens a task of the topology (stores open, still restoring) and registers it with the reader.</summary>
    public TaskHarness OpenAndRegister(Topology topology, TaskId? id = null)
    {
        var task = new TaskHarness(topology, Config, Directory, id);
        _tasks.Add(task);
        task.Task.InitializeStateStores();
        Reader.Register(task.StateManager);
        return task;
    }

    /// <summary>Closes a task as its stream thread would: the reader forgets it, then it closes.</summary>
    public void Close(TaskHarness task, bool clean)
    {
        _tasks.Remove(task);
        Reader.Unregister(task.Task.Id);
        task.Task.Close(clean);
    }

    /// <summary>Runs restore steps until every given task completed, then lets the tasks process.</summary>
    public int RestoreUntilComplete(params TaskHarness[] tasks)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var steps = 0;
        while (!tasks.All(t => Reader.CompletedTasks.Contains(t.Task.Id)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Restoration not complete after {steps} steps in {Timeout}");
            Reader.Restore();
            steps++;
        }

        foreach (var task in tasks)
        {
            task.Task.CompleteRestoration();
        }

        return steps;
    }

    /// <summary>The sensor of a task's restoration metric.</summary>
    public Sensor Sensor(string name, TaskId id) => Assert.Single(Metrics.Find(name, "task-id", id.ToString()));

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose()
    {
        foreach (var task in _tasks)
        {
            task.Task.Close(clean: false);
        }

        Reader.Dispose();
        _producer.Dispose();
        Directory.Dispose();
        Cluster.Dispose();
        _root.Dispose();
    }
}
