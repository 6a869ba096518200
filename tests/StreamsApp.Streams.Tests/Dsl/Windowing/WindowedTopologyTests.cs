using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>Windowed aggregations in the topology: Kafka Streams' node and store names, and the close hook on sliding windows.</summary>
public class WindowedTopologyTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void Windowed_count_and_session_reduce_get_Kafka_Streams_node_and_store_names()
    {
        var builder = new StreamsBuilder();
        var grouped = builder.Stream("input", Strings).GroupByKey();
        grouped.WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMinutes(1))).Count();
        grouped.WindowedBy(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMinutes(1))).Reduce((left, right) => left + right);

        var description = builder.Build().Describe().ToString();

        Assert.Contains("Processor: KSTREAM-AGGREGATE-0000000002 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])", description);
        Assert.Contains("Processor: KSTREAM-REDUCE-0000000004 (stores: [KSTREAM-REDUCE-STATE-STORE-0000000003])", description);
    }

    [Fact]
    public void A_suppressed_sliding_window_closes_one_millisecond_after_its_inclusive_end_plus_grace()
    {
        var keys = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(10));
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupByKey()
            .WindowedBy(SlidingWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(2)))
            .Count()
            .Suppress(Suppressed.UntilWindowCloses<Windowed<string>>(BufferConfig.Unbounded()))
            .ToStream()
            .To("output", Produced.With(keys, Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", keys, Serdes.Int64());

        input.PipeInput("a", "x", 10);
        input.PipeInput("b", "x", 12);
        Assert.Empty(output.ReadAll());

        // [0, 10] still takes records at stream time 12 = end + grace, so it is final only at 13.
        input.PipeInput("a", "x", 10);
        Assert.Empty(output.ReadAll());
        input.PipeInput("b", "x", 13);
        Assert.Equal([(new Windowed<string>("a", new TimeWindow(0, 10)), 2L, 10L)], output.ReadAll());
    }
}
