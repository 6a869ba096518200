using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// Records the source serdes cannot read fail processing by default, naming where they are, or are skipped and
/// counted under LogAndContinue. A missing serde is found when the topology is built.
/// </summary>
public class SerdeErrorTests
{
    [Fact]
    public void An_unreadable_value_fails_with_its_topic_partition_and_offset_by_default()
    {
        using var driver = new TopologyTestDriver(SumTopology());
        var raw = driver.CreateInputTopic("input", Serdes.String(), Serdes.ByteArray());

        raw.PipeInput("a", [0, 0, 0, 0, 0, 0, 0, 5], 1);
        var error = Assert.ThrowsAny<StreamsException>(() => raw.PipeInput("a", [1, 2, 3], 2));

        Assert.Contains("input-0", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset 1", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<SerdeException>(error.InnerException);
        Assert.Equal([("a", 5L, 1L)], driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64()).ReadAll());
    }

    [Fact]
    public void With_LogAndContinue_an_unreadable_record_is_skipped_counted_and_processing_goes_on()
    {
        var config = new StreamsConfig { ApplicationId = "test-driver", DeserializationExceptionHandler = ExceptionHandlers.LogAndContinue };
        using var driver = new TopologyTestDriver(SumTopology(), config);
        var raw = driver.CreateInputTopic("input", Serdes.String(), Serdes.ByteArray());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.Int64());

        input.PipeInput("a", 5, 1);
        raw.PipeInput("a", [1, 2, 3], 2);
        Assert.Equal(1, driver.DroppedRecords());
        input.PipeInput("a", 7, 3);

        Assert.Equal([("a", 5L, 1L), ("a", 12L, 3L)], driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64()).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    [Fact]
    public void With_LogAndContinue_an_unreadable_key_is_skipped_too()
    {
        var config = new StreamsConfig { ApplicationId = "test-driver", DeserializationExceptionHandler = ExceptionHandlers.LogAndContinue };
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.Int32(), Serdes.String())).To("output");
        using var driver = new TopologyTestDriver(builder.Build(), config);
        var raw = driver.CreateInputTopic("input", Serdes.ByteArray(), Serdes.String());

        raw.PipeInput([9], "bad", 1);
        raw.PipeInput([0, 0, 0, 9], "good", 2);

        var output = driver.CreateOutputTopic("output", Serdes.Int32(), Serdes.String());
        Assert.Equal([(9, "good", 2L)], output.ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    [Fact]
    public void A_source_of_a_type_without_a_builtin_serde_fails_at_build_naming_the_type()
    {
        var builder = new StreamsBuilder();

        var error = Assert.Throws<TopologyException>(() => builder.Stream<string, Order>("orders"));

        Assert.Contains(nameof(Order), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sink_or_an_aggregation_of_such_a_type_fails_at_build_unless_given_a_serde()
    {
        var builder = new StreamsBuilder();
        var orders = builder.Stream("input", Consumed.With(Serdes.String(), Serdes.Int64())).MapValues(v => new Order(v));

        var sink = Assert.Throws<TopologyException>(() => orders.To("output"));
        Assert.Contains(nameof(Order), sink.Message, StringComparison.Ordinal);
        var aggregation = Assert.Throws<TopologyException>(
            () => orders.GroupByKey().Aggregate(() => new Order(0), (_, o, total) => new Order(total.Amount + o.Amount)));
        Assert.Contains(nameof(Order), aggregation.Message, StringComparison.Ordinal);

        // With serdes given, the same pipeline builds and runs.
        orders.GroupByKey()
            .Aggregate(
                () => new Order(0),
                (_, o, total) => new Order(total.Amount + o.Amount),
                materialized: Materialized.With(Serdes.String(), Serdes.Json<Order>()))
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Json<Order>()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.Int64());
        input.PipeInput("a", 2, 1);
        input.PipeInput("a", 3, 2);
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Json<Order>());
        Assert.Equal([("a", new Order(2), 1L), ("a", new Order(5), 2L)], output.ReadAll());
    }

    private static Topology SumTopology()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.Int64()))
            .GroupByKey()
            .Reduce((a, b) => a + b)
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        return builder.Build();
    }

    public sealed record Order(long Amount);
}
