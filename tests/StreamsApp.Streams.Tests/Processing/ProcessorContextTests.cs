using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Processing;

/// <summary>The processor lifecycle and what the context tells a processor about the record and its task.</summary>
public sealed class ProcessorContextTests
{
    [Fact]
    public void Init_then_process_per_record_then_close_when_the_driver_is_disposed()
    {
        var calls = new List<string>();
        var topology = TestTopologies.Pipeline(() => new LambdaProcessor<string, string, string, string>(
            (_, record) => calls.Add("process " + record.Value),
            init: _ => calls.Add("init"),
            close: () => calls.Add("close")));

        var driver = new TopologyTestDriver(topology);
        Assert.Equal(["init"], calls);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput("k", "a");
        input.PipeInput("k", "b");
        Assert.Equal(["init", "process a", "process b"], calls);

        driver.Dispose();
        Assert.Equal(["init", "process a", "process b", "close"], calls);
        driver.Dispose();
        Assert.Single(calls, "close");
    }

    [Fact]
    public void Context_gives_topic_partition_and_offsets_increasing_per_partition()
    {
        var seen = new List<RecordMetadata?>();
        var topology = TestTopologies.Pipeline(TestTopologies.Observing((context, _) => seen.Add(context.RecordMetadata)));
        var options = new TopologyTestDriverOptions();
        options.TopicPartitions["input"] = 2;
        using var driver = new TopologyTestDriver(topology, options: options);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        // murmur2 puts "a" and "k3" on partition 0 and "d" on partition 1 of two.
        input.PipeInput("a", "1");
        input.PipeInput("d", "2");
        input.PipeInput("k3", "3");
        input.PipeInput("d", "4");

        Assert.Equal(
            [new RecordMetadata("input", 0, 0), new RecordMetadata("input", 1, 0), new RecordMetadata("input", 0, 1), new RecordMetadata("input", 1, 1)],
            seen);
    }

    [Fact]
    public void Record_carries_the_input_timestamp_and_headers()
    {
        var seen = new List<(long Timestamp, string? Trace)>();
        var topology = TestTopologies.Pipeline(TestTopologies.Observing((_, record) =>
            seen.Add((record.Timestamp, record.Headers.TryGetLastBytes("trace", out var bytes) ? Encoding.UTF8.GetString(bytes) : null))));
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput(new TestRecord<string, string>("k", "v", 1234, new Headers { { "trace", "t-1"u8.ToArray() } }));
        input.PipeInput("k", "w", 99);

        Assert.Equal([(1234L, "t-1"), (99L, null)], seen);
    }

    [Fact]
    public void Context_gives_application_id_and_the_task_id_of_each_sub_topology()
    {
        var seen = new List<(string Node, string ApplicationId, TaskId TaskId)>();
        Func<IProcessor<string, string, string, string>> Recording(string node) =>
            TestTopologies.Observing((context, _) => seen.Add((node, context.ApplicationId, context.TaskId)));
        var topology = Topology.Create()
            .AddSource("source-a", Serdes.String(), Serdes.String(), "topic-a")
            .AddProcessor("processor-a", Recording("a"), "source-a")
            .AddSource("source-b", Serdes.String(), Serdes.String(), "topic-b")
            .AddProcessor("processor-b", Recording("b"), "source-b");
        using var driver = new TopologyTestDriver(topology, new StreamsConfig { ApplicationId = "papi-app" });

        driver.CreateInputTopic("topic-b", Serdes.String(), Serdes.String()).PipeInput("k", "v");
        driver.CreateInputTopic("topic-a", Serdes.String(), Serdes.String()).PipeInput("k", "v");

        Assert.Equal([("b", "papi-app", new TaskId(1, 0)), ("a", "papi-app", new TaskId(0, 0))], seen);
    }

    [Fact]
    public void Stream_time_is_the_largest_timestamp_processed_and_never_goes_back()
    {
        var streamTimes = new List<long>();
        var topology = TestTopologies.Pipeline(TestTopologies.Observing((context, _) => streamTimes.Add(context.CurrentStreamTimeMs)));
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 100);
        input.PipeInput("k", "v", 50);
        input.PipeInput("k", "v", 150);

        Assert.Equal([100L, 100L, 150L], streamTimes);
    }

    [Fact]
    public void System_time_is_the_driver_wall_clock()
    {
        var start = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var systemTimes = new List<long>();
        var topology = TestTopologies.Pipeline(TestTopologies.Observing((context, _) => systemTimes.Add(context.CurrentSystemTimeMs)));
        using var driver = new TopologyTestDriver(topology, options: new TopologyTestDriverOptions { InitialWallClockTime = start });
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "v", 1);
        driver.AdvanceWallClockTime(TimeSpan.FromSeconds(5));
        input.PipeInput("k", "v", 2);

        Assert.Equal([start.ToUnixTimeMilliseconds(), start.ToUnixTimeMilliseconds() + 5000], systemTimes);
    }

    [Fact]
    public void Every_task_gets_its_own_processor_instance()
    {
        var instances = new List<object>();
        var topology = TestTopologies.Pipeline(() =>
        {
            var processor = new LambdaProcessor<string, string, string, string>((context, record) => context.Forward(record));
            instances.Add(processor);
            return processor;
        });
        var options = new TopologyTestDriverOptions { DefaultPartitions = 3 };

        using var driver = new TopologyTestDriver(topology, options: options);

        Assert.Equal(3, instances.Distinct().Count());
    }
}
