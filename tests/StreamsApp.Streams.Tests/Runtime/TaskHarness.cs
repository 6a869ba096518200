using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Caching;
using StreamsApp.Streams.Testing.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// One task of a topology as the runtime builds it (state manager on a <see cref="StateDirectory"/>, task context,
/// stream task), with a collector that keeps what the task writes. Nothing is initialized: tests drive the task.
/// </summary>
internal sealed class TaskHarness
{
    private long _nextOffset;

    public TaskHarness(
        Topology topology, StreamsConfig config, StateDirectory directory, TaskId? id = null, long cacheMaxBytes = 0, ILogger? log = null)
    {
        var taskId = id ?? new TaskId(0, 0);
        var builder = topology.Builder;
        StateManager = new ProcessorStateManager(
            taskId, builder.ChangelogTopics(config.ApplicationId), directory, config.ProcessingGuarantee, log);
        Collector = new TestRecordCollector(_ => 1, Produced.Add, rejectSend: null);
        Context = new TaskContext(
            taskId, config, StateManager.TaskDirectory!, Collector, StateManager, TimeProvider.System, NullLogger.Instance,
            new TaskMetrics(Metrics, "test-thread", taskId), new ThreadCache(cacheMaxBytes));
        var subtopology = builder.Subtopologies().Single(s => s.Id == taskId.Subtopology);
        Task = new StreamTask(builder.BuildTask(subtopology, config.ApplicationId), Context, StateManager);
    }

    public StreamsMetrics Metrics { get; } = new();

    public ProcessorStateManager StateManager { get; }

    public TaskContext Context { get; }

    public StreamTask Task { get; }

    public List<ProducedRecord> Produced { get; } = [];

    internal TestRecordCollector Collector { get; }

    /// <summary>A store as processors see it.</summary>
    public TStore Store<TStore>(string name) => (TStore)Context.GetStore(name);

    /// <summary>Feeds one input record (string key and value) at the next offset and processes it with a commit.</summary>
    public void Process(string topic, string key, string value, long timestamp)
    {
        var offset = _nextOffset++;
        Task.AddRecord(new ConsumeResult<byte[]?, byte[]?>
        {
            Topic = topic,
            Partition = Task.Id.Partition,
            Offset = offset,
            Message = new Message<byte[]?, byte[]?>
            {
                Key = System.Text.Encoding.UTF8.GetBytes(key),
                Value = System.Text.Encoding.UTF8.GetBytes(value),
                Headers = [],
                Timestamp = new Timestamp(timestamp, TimestampType.CreateTime),
            },
        });
        Task.Process();
        Task.PrepareCommit();
        Task.PostCommit();
    }

    /// <summary>Restores changelog records into the store behind <paramref name="changelog"/>, partition = the task's.</summary>
    public void Restore(string changelog, IReadOnlyList<ChangelogRecord> records, long firstOffset = 0) =>
        StateManager.Restore(new TopicPartition(changelog, Task.Id.Partition), records, firstOffset + records.Count - 1);
}
