using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>
/// One task per input partition: records land by murmur2 of the key (or where the test says), each task has its
/// own processors, stores and stream time, and the topics of one sub-topology must be co-partitioned.
/// </summary>
public sealed class MultiPartitionTaskTests
{
    // murmur2 over two partitions: "a", "k3" and "bob" → 0; "d", "k1" and "alice" → 1.
    private static TopologyTestDriverOptions TwoPartitions(params string[] topics)
    {
        var options = new TopologyTestDriverOptions();
        foreach (var topic in topics)
        {
            options.TopicPartitions[topic] = 2;
        }

        return options;
    }

    [Fact]
    public void Each_partition_gets_a_task_and_records_land_by_murmur2_of_the_key()
    {
        var initialized = new List<TaskId>();
        var seen = new List<(string Key, TaskId Task, int Partition)>();
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>(
            (context, record) => seen.Add((record.Key, context.TaskId, context.RecordMetadata!.Value.Partition)),
            init: context => initialized.Add(context.TaskId)));
        using var driver = new TopologyTestDriver(topology, options: TwoPartitions("input"));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        foreach (var key in new[] { "a", "d", "k1", "k3", "alice", "bob" })
        {
            input.PipeInput(key, "v");
        }

        Assert.Equal([new TaskId(0, 0), new TaskId(0, 1)], initialized.Order());
        Assert.Equal(
            [("a", new TaskId(0, 0), 0), ("d", new TaskId(0, 1), 1), ("k1", new TaskId(0, 1), 1),
             ("k3", new TaskId(0, 0), 0), ("alice", new TaskId(0, 1), 1), ("bob", new TaskId(0, 0), 0)],
            seen);
    }

    [Fact]
    public void An_explicit_partition_on_the_test_record_is_honoured()
    {
        var seen = new List<(TaskId Task, RecordMetadata Metadata)>();
        var topology = TestTopologies.Pipeline(TestTopologies.Observing((context, _) => seen.Add((context.TaskId, context.RecordMetadata!.Value))));
        using var driver = new TopologyTestDriver(topology, options: TwoPartitions("input"));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("a", "v", Partition: 1));
        input.PipeInput(new TestRecord<string, string>("a", "v", Partition: 1));
        input.PipeInput(new TestRecord<string, string>("d", "v", Partition: 0));

        Assert.Equal(
            [(new TaskId(0, 1), new RecordMetadata("input", 1, 0)), (new TaskId(0, 1), new RecordMetadata("input", 1, 1)),
             (new TaskId(0, 0), new RecordMetadata("input", 0, 0))],
            seen);
        Assert.Throws<ArgumentOutOfRangeException>(() => input.PipeInput(new TestRecord<string, string>("a", "v", Partition: 2)));
    }

    [Fact]
    public void Each_task_has_its_own_store_instance()
    {
        var topology = Topology.Create()
            .AddSource("source", Serdes.String(), Serdes.String(), "input")
            .AddProcessor("writer", () =>
            {
                IKeyValueStore<string, string>? store = null;
                return new LambdaProcessor<string, string, string, string>(
                    (_, record) => store!.Put(record.Key, record.Value),
                    init: context => store = context.GetStateStore<IKeyValueStore<string, string>>("latest"));
            }, "source")
            .AddStateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("latest"), Serdes.String(), Serdes.String()), "writer");
        using var driver = new TopologyTestDriver(topology, options: TwoPartitions("input"));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1");
        input.PipeInput("d", "2");

        Assert.Equal(["a"], Keys(driver.GetKeyValueStore<string, string>("latest", partition: 0)));
        Assert.Equal(["d"], Keys(driver.GetKeyValueStore<string, string>("latest", partition: 1)));
        Assert.Equal(["a", "d"], Keys(driver.GetKeyValueStore<string, string>("latest")));
    }

    [Fact]
    public void Stream_time_and_its_punctuation_are_per_task()
    {
        var fired = new List<(int Partition, long Timestamp)>();
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>(
            (_, _) => { },
            init: context => context.Schedule(TimeSpan.FromMilliseconds(100), PunctuationType.StreamTime,
                timestamp => fired.Add((context.TaskId.Partition, timestamp)))));
        using var driver = new TopologyTestDriver(topology, options: TwoPartitions("input"));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "v", 50);    // partition 0: fires at 50, next due 100
        input.PipeInput("a", "v", 500);   // partition 0: fires at 500
        input.PipeInput("d", "v", 60);    // partition 1 has its own stream time: fires at 60, not 500

        Assert.Equal([(0, 50L), (0, 500L), (1, 60L)], fired);
    }

    [Fact]
    public void Sources_sharing_a_store_must_be_co_partitioned()
    {
        var topology = SharedStoreTopology();

        var error = Assert.Throws<TopologyException>(() => new TopologyTestDriver(topology, options: TwoPartitions("left")));

        Assert.Contains("'left' has 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'right' has 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Co_partitioned_sources_sharing_a_store_meet_in_one_task_per_partition()
    {
        using var driver = new TopologyTestDriver(SharedStoreTopology(), options: TwoPartitions("left", "right"));
        var left = driver.CreateInputTopic("left", Serdes.String(), Serdes.String());
        var right = driver.CreateInputTopic("right", Serdes.String(), Serdes.String());

        left.PipeInput("d", "from-left");
        right.PipeInput("d", "from-right");
        right.PipeInput("a", "from-right");

        Assert.Equal("from-right", driver.GetKeyValueStore<string, string>("shared", partition: 1).Get("d"));
        Assert.Equal("from-right", driver.GetKeyValueStore<string, string>("shared", partition: 0).Get("a"));
        Assert.Null(driver.GetKeyValueStore<string, string>("shared", partition: 0).Get("d"));
    }

    /// <summary>Two sources whose processors write one store: one sub-topology reading both topics.</summary>
    private static Topology SharedStoreTopology()
    {
        static Func<IProcessor<string, string, string, string>> Writer() => () =>
        {
            IKeyValueStore<string, string>? store = null;
            return new LambdaProcessor<string, string, string, string>(
                (_, record) => store!.Put(record.Key, record.Value),
                init: context => store = context.GetStateStore<IKeyValueStore<string, string>>("shared"));
        };

        return Topology.Create()
            .AddSource("left-source", Serdes.String(), Serdes.String(), "left")
            .AddSource("right-source", Serdes.String(), Serdes.String(), "right")
            .AddProcessor("left-writer", Writer(), "left-source")
            .AddProcessor("right-writer", Writer(), "right-source")
            .AddStateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("shared"), Serdes.String(), Serdes.String()),
                "left-writer", "right-writer");
    }

    private static List<string> Keys(IKeyValueStore<string, string> store)
    {
        return [.. store.All().Select(e => e.Key)];
    }
}
