using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>Suppress.UntilWindowCloses on windowed tables: one final result per window, once stream time passes its end plus grace.</summary>
public class WindowedSuppressTests
{
    private static readonly ISerde<Windowed<string>> WindowedKeys = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(10));

    [Fact]
    public void A_suppressed_windowed_count_emits_each_window_once_when_it_closes()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String())).GroupByKey()
            .WindowedBy(TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5)))
            .Count()
            .Suppress(Suppressed.UntilWindowCloses<Windowed<string>>(BufferConfig.Unbounded()))
            .ToStream()
            .To("output", Produced.With(WindowedKeys, Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", WindowedKeys, Serdes.Int64());

        input.PipeInput("a", "x", 1);
        input.PipeInput("a", "x", 12);
        input.PipeInput("a", "x", 3);
        input.PipeInput("b", "x", 14);
        Assert.Empty(output.ReadAll());

        // Stream time 15 = end 10 + grace 5 closes [0, 10); the late record after it changes nothing.
        input.PipeInput("a", "x", 15);
        input.PipeInput("a", "x", 4);
        Assert.Equal([(TimeWindowedAggregationTests.W("a", 0), 2L, 3L)], output.ReadAll());

        input.PipeInput("c", "x", 40);
        Assert.Equal(
            [(TimeWindowedAggregationTests.W("a", 10), 2L, 15L), (TimeWindowedAggregationTests.W("b", 10), 1L, 14L)],
            output.ReadAll());
        input.PipeInput("c", "x", 41);
        Assert.Empty(output.ReadAll());
    }
}
