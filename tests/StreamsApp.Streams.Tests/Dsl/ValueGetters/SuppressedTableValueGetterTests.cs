using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.ValueGetters;

/// <summary>
/// A suppressed table can be joined, and a join sees it as downstream of the suppression does: a key still held back
/// has the row it had before its buffered updates (none, if it had none), any other key the parent's current row.
/// </summary>
public class SuppressedTableValueGetterTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void A_stream_joined_with_a_suppressed_table_sees_only_emitted_rows()
    {
        var builder = new StreamsBuilder();
        var latest = builder.Stream("clicks", Strings).GroupByKey().Reduce((all, value) => all + value)
            .Suppress(Suppressed.UntilTimeLimit<string>(TimeSpan.FromMilliseconds(10), BufferConfig.Unbounded()));
        builder.Stream("lookups", Strings).LeftJoin(latest, (query, row) => query + "+" + (row ?? "null")).To("out");
        using var driver = new TopologyTestDriver(builder.Build());
        var clicks = driver.CreateInputTopic("clicks", Serdes.String(), Serdes.String());
        var lookups = driver.CreateInputTopic("lookups", Serdes.String(), Serdes.String());

        clicks.PipeInput("a", "1", 0);
        lookups.PipeInput("a", "q1", 1);   // a buffered, never emitted: no row
        clicks.PipeInput("b", "5", 20);    // stream time 20 emits a (buffered at 0, wait 10); b is buffered
        lookups.PipeInput("a", "q2", 21);  // a not buffered: the parent's row
        clicks.PipeInput("a", "2", 22);    // a buffered again, as "12", after "1" was emitted
        lookups.PipeInput("a", "q3", 23);  // the emitted "1", not the held-back "12"
        lookups.PipeInput("b", "q4", 24);  // b buffered, never emitted: no row

        Assert.Equal(
            [("a", "q1+null", 1L), ("a", "q2+1", 21L), ("a", "q3+1", 23L), ("b", "q4+null", 24L)],
            driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
    }

    [Fact]
    public void A_final_windowed_count_joins_only_once_its_window_has_closed()
    {
        var windows = TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5));
        var keys = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(10));
        var builder = new StreamsBuilder();
        var finalClicks = builder.Stream("clicks", Strings).GroupByKey().WindowedBy(windows).Count()
            .Suppress(Suppressed.UntilWindowCloses<Windowed<string>>(BufferConfig.Unbounded()));
        var views = builder.Stream("views", Strings).GroupByKey().WindowedBy(windows).Count();
        finalClicks.Join(views, (c, v) => $"{c}/{v}").ToStream().To("out", Produced.With(keys, Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());
        var clickInput = driver.CreateInputTopic("clicks", Serdes.String(), Serdes.String());
        var viewInput = driver.CreateInputTopic("views", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", keys, Serdes.String());

        clickInput.PipeInput("a", "c", 1);
        viewInput.PipeInput("a", "v", 2);
        var whileOpen = output.ReadAll();
        clickInput.PipeInput("b", "c", 15);   // closes [0, 10) (end 10 + grace 5): the final click count is emitted
        var atClose = output.ReadAll();
        viewInput.PipeInput("b", "v", 16);    // b's window is still open: its clicks are held back

        Assert.Empty(whileOpen);
        Assert.Equal([(new Windowed<string>("a", new TimeWindow(0, 10)), "1/1", 2L)], atClose);
        Assert.Empty(output.ReadAll());
    }
}
