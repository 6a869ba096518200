using Confluent.Kafka;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.ErrorHandling.DeadLetterTestSupport;

namespace StreamsApp.Streams.Tests.ErrorHandling;

/// <summary>
/// A source record that cannot be deserialized goes, under LogAndDeadLetter, to <c>input.DLT</c> as it was read
/// (bytes and headers) with the failure's metadata, on its own partition number, while the records after it flow.
/// </summary>
public sealed class DeserializationDeadLetterTests
{
    private const string Source = "KSTREAM-SOURCE-0000000000";

    private static Topology Orders(Func<Consumed<string, Order>, Consumed<string, Order>>? consumed = null)
    {
        var builder = new StreamsBuilder();
        var with = Consumed.With(Serdes.String(), Serdes.Json<Order>());
        builder.Stream("input", consumed?.Invoke(with) ?? with)
            .MapValues(order => order.Total * 2)
            .To("output", Produced.With(Serdes.String(), Serdes.Int32()));
        return builder.Build();
    }

    private static TopologyTestDriver Driver(Topology topology, params (string Topic, int Partitions)[] partitions)
    {
        var options = new TopologyTestDriverOptions();
        foreach (var (topic, count) in partitions)
        {
            options.TopicPartitions[topic] = count;
        }

        return new TopologyTestDriver(topology, Config(deserialization: ExceptionHandlers.LogAndDeadLetter), options);
    }

    [Fact]
    public void A_poison_record_goes_to_the_DLT_with_its_bytes_headers_and_metadata_and_later_records_flow()
    {
        using var driver = Driver(Orders());
        var raw = driver.CreateInputTopic("input", Serdes.String(), Serdes.ByteArray());
        var poison = Utf8("{\"Total\": oops");

        raw.PipeInput("k1", Utf8("{\"Total\": 1}"), 100);
        raw.PipeInput(new TestRecord<string, byte[]>("k2", poison, 200, new Headers { { "trace", Utf8("t-2") } }));
        raw.PipeInput("k3", Utf8("{\"Total\": 3}"), 300);

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int32());
        Assert.Equal([new("k1", 2), new KeyValue<string, int>("k3", 6)], output.ReadKeyValuesToList());
        var dead = Assert.Single(driver.DeadLetters("input").ReadRecordsToList());
        Assert.Equal(Utf8("k2"), dead.Key);
        Assert.Equal(poison, dead.Value);
        Assert.Equal((200L, 0), (dead.Timestamp, dead.Partition));
        Assert.Equal("trace", dead.Headers!.First().Key);
        Assert.Equal("t-2", dead.Header("trace"));
        Assert.Equal("input", dead.Header(DeadLetterHeaders.Topic));
        Assert.Equal("0", dead.Header(DeadLetterHeaders.Partition));
        Assert.Equal("1", dead.Header(DeadLetterHeaders.Offset));
        Assert.Equal("200", dead.Header(DeadLetterHeaders.Timestamp));
        Assert.Equal(AppId, dead.Header(DeadLetterHeaders.ConsumerGroup));
        Assert.Equal(typeof(SerdeException).FullName, dead.Header(DeadLetterHeaders.ExceptionClass));
        Assert.Contains("input", dead.Header(DeadLetterHeaders.ExceptionMessage), StringComparison.Ordinal);
        Assert.StartsWith(typeof(SerdeException).FullName + ": ", dead.Header(DeadLetterHeaders.StackTrace), StringComparison.Ordinal);
        Assert.Equal("1", dead.Header(DeadLetterHeaders.AttemptCount));
        Assert.Equal(Source, dead.Header(DeadLetterHeaders.ProcessorNode));
        Assert.Equal((1L, 0L), (driver.DeadLettered(), driver.Dropped()));
    }

    [Fact]
    public void An_unreadable_key_is_dead_lettered_too()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.Int32(), Serdes.String())).To("output");
        using var driver = Driver(builder.Build());
        var raw = driver.CreateInputTopic("input", Serdes.ByteArray(), Serdes.String());

        raw.PipeInput([9], "bad", 1);
        raw.PipeInput([0, 0, 0, 9], "good", 2);

        Assert.Equal(["good"], driver.CreateOutputTopic("output", Serdes.Int32(), Serdes.String()).ReadValuesToList());
        var dead = driver.DeadLetters("input").ReadRecord();
        Assert.Equal([9], dead.Key);
        Assert.Equal(Utf8("bad"), dead.Value);
    }

    [Fact]
    public void A_failure_while_a_typed_timestamp_extractor_reads_the_record_still_names_its_coordinates()
    {
        // The extractor deserializes while the record is buffered, before it becomes the task's current record.
        using var driver = Driver(Orders(c => c.WithTimestampExtractor((_, order, _, _) => order.Total)));
        var raw = driver.CreateInputTopic("input", Serdes.String(), Serdes.ByteArray());

        raw.PipeInput("k1", Utf8("{\"Total\": 1}"), 100);
        raw.PipeInput("k2", Utf8("nope"), 200);

        var dead = driver.DeadLetters("input").ReadRecord();
        Assert.Equal(("input", "1"), (dead.Header(DeadLetterHeaders.Topic), dead.Header(DeadLetterHeaders.Offset)));
        Assert.Equal(Utf8("nope"), dead.Value);
    }

    [Fact]
    public void On_two_partitions_the_DLT_record_lands_on_the_source_partition_number_counted_by_its_task()
    {
        using var driver = Driver(Orders(), ("input", 2), ("input.DLT", 2));
        var raw = driver.CreateInputTopic("input", Serdes.String(), Serdes.ByteArray());

        raw.PipeInput(new TestRecord<string, byte[]>("k", Utf8("bad"), 5, Partition: 1));
        raw.PipeInput(new TestRecord<string, byte[]>("k", Utf8("bad"), 6, Partition: 0));

        var dead = driver.DeadLetters("input").ReadRecordsToList();
        Assert.Equal([(1, "1"), (0, "0")], dead.Select(r => (r.Partition!.Value, r.Header(DeadLetterHeaders.Partition))));
        Assert.Equal((1L, 1L), (driver.DeadLettered("0_0"), driver.DeadLettered("0_1")));
    }

    [Fact]
    public void A_DLT_with_fewer_partitions_than_the_source_gets_the_keys_partition()
    {
        using var driver = Driver(Orders(), ("input", 3), ("input.DLT", 2));
        var raw = driver.CreateInputTopic("input", Serdes.String(), Serdes.ByteArray());

        raw.PipeInput(new TestRecord<string, byte[]>("some-key", Utf8("bad"), 5, Partition: 2));

        var dead = driver.DeadLetters("input").ReadRecord();
        Assert.Equal(Murmur2Partitioner.Partition(Utf8("some-key"), 2), dead.Partition);
        Assert.Equal("2", dead.Header(DeadLetterHeaders.Partition));
    }

    [Fact]
    public void A_DLT_record_replayed_into_the_source_that_fails_again_counts_one_more_attempt_and_keeps_one_set_of_metadata()
    {
        using var driver = Driver(Orders());
        var raw = driver.CreateInputTopic("input", Serdes.String(), Serdes.ByteArray());
        raw.PipeInput(new TestRecord<string, byte[]>("k", Utf8("bad"), 5, new Headers { { "trace", Utf8("t") } }));
        var first = driver.DeadLetters("input").ReadRecord();

        raw.PipeInput(new TestRecord<string, byte[]>(Serdes.String().Deserializer.Deserialize(first.Key, false, default), first.Value, 7, first.Headers));
        var second = driver.DeadLetters("input").ReadRecord();
        raw.PipeInput(new TestRecord<string, byte[]>("k", second.Value, 9, second.Headers));
        var third = driver.DeadLetters("input").ReadRecord();

        Assert.Equal(["1", "2", "3"], new[] { first, second, third }.Select(r => r.Header(DeadLetterHeaders.AttemptCount)));
        Assert.Equal(("2", "t", "9"), (third.Header(DeadLetterHeaders.Offset), third.Header("trace"), third.Header(DeadLetterHeaders.Timestamp)));
        Assert.All([DeadLetterHeaders.Topic, DeadLetterHeaders.Offset, DeadLetterHeaders.AttemptCount, DeadLetterHeaders.StackTrace],
            name => Assert.Equal(1, third.HeaderCount(name)));
    }

    public sealed record Order(int Total);
}
