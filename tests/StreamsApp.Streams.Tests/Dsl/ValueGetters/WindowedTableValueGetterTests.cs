using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.ValueGetters;

/// <summary>
/// Windowed aggregation tables can be joined: a join reads a time-windowed table's row from its window store by
/// (key, window start) and a session table's from its session store by the exact session, stamped as the aggregation
/// stamped it; a table derived from one (here a filter) reads through it.
/// </summary>
public class WindowedTableValueGetterTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());
    private static readonly TimeWindows TenMs = TimeWindows.OfSizeAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100));
    private static readonly ISerde<Windowed<string>> TimeKeys = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(10));
    private static readonly ISerde<Windowed<string>> SessionKeys = WindowedSerdes.SessionWindowed(Serdes.String());

    [Fact]
    public void Windowed_counts_join_per_window_with_the_later_row_timestamp()
    {
        var builder = new StreamsBuilder();
        var clicks = builder.Stream("clicks", Strings).GroupByKey().WindowedBy(TenMs).Count();
        var views = builder.Stream("views", Strings).GroupByKey().WindowedBy(TenMs).Count();
        clicks.Join(views, (c, v) => $"{c}/{v}").ToStream().To("out", Produced.With(TimeKeys, Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());
        var clickInput = driver.CreateInputTopic("clicks", Serdes.String(), Serdes.String());
        var viewInput = driver.CreateInputTopic("views", Serdes.String(), Serdes.String());

        clickInput.PipeInput("a", "c", 1);
        viewInput.PipeInput("a", "v", 2);
        viewInput.PipeInput("a", "v", 3);
        clickInput.PipeInput("a", "c", 12);

        // [10, 20) has clicks but no views yet, so the inner join has no row for it.
        Assert.Equal(
            [(W(0), "1/1", 2L), (W(0), "1/2", 3L)],
            driver.CreateOutputTopic("out", TimeKeys, Serdes.String()).ReadAll());
    }

    [Fact]
    public void A_filtered_windowed_table_is_read_through_the_window_store()
    {
        var builder = new StreamsBuilder();
        var busy = builder.Stream("clicks", Strings).GroupByKey().WindowedBy(TenMs).Count().Filter((_, count) => count >= 2);
        var views = builder.Stream("views", Strings).GroupByKey().WindowedBy(TenMs).Count();
        busy.Join(views, (c, v) => $"{c}/{v}").ToStream().To("out", Produced.With(TimeKeys, Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());
        var clickInput = driver.CreateInputTopic("clicks", Serdes.String(), Serdes.String());
        var viewInput = driver.CreateInputTopic("views", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("out", TimeKeys, Serdes.String());

        viewInput.PipeInput("a", "v", 0);
        clickInput.PipeInput("a", "c", 1);
        var oneClick = output.ReadAll();
        viewInput.PipeInput("a", "v", 2);
        var secondView = output.ReadAll();
        clickInput.PipeInput("a", "c", 3);
        viewInput.PipeInput("a", "v", 4);

        // The views side looks the filtered row up: absent at one click, present from two.
        Assert.Empty(oneClick);
        Assert.Empty(secondView);
        Assert.Equal([(W(0), "2/2", 3L), (W(0), "2/3", 4L)], output.ReadAll());
    }

    [Fact]
    public void Session_tables_join_on_the_exact_session_and_retract_merged_sessions()
    {
        var output = SessionJoin(caching: false);

        // Count updates first and finds no reduced session yet; the reduce side then finds the count. Merging [0, 0]
        // into [0, 5] deletes [0, 0] while the reduced [0, 0] still exists, so the join retracts it.
        Assert.Equal([(S(0, 0), "1:x", 0L), (S(0, 0), null, 0L), (S(0, 5), "2:xy", 5L)], output);
    }

    [Fact]
    public void Cached_session_tables_join_each_side_at_commit_as_kafka_streams_does()
    {
        var output = SessionJoin(caching: true);

        // Both stores flush at each commit, counts first (registration order): each flushed side finds the other's
        // cached session, so every session joins twice. At the second commit the merged-away [0, 0] is already
        // deleted in both caches, so neither side's tombstone finds a partner: no retraction, as in Kafka Streams
        // (its inner join forwards nothing when the other side has no value).
        Assert.Equal([(S(0, 0), "1:x", 0L), (S(0, 0), "1:x", 0L), (S(0, 5), "2:xy", 5L), (S(0, 5), "2:xy", 5L)], output);
    }

    private static List<(Windowed<string> Key, string Value, long? Timestamp)> SessionJoin(bool caching)
    {
        var builder = new StreamsBuilder();
        var sessions = builder.Stream("input", Strings).GroupByKey()
            .WindowedBy(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)));
        var counts = sessions.Count(materialized: caching ? null : Materialized.As<string, long>("counts").WithCachingDisabled());
        var values = sessions.Reduce((all, value) => all + value, materialized: caching ? null : Materialized.As<string, string>("values").WithCachingDisabled());
        counts.Join(values, (count, all) => $"{count}:{all}").ToStream().To("out", Produced.With(SessionKeys, Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 0);
        input.PipeInput("a", "y", 5);
        return driver.CreateOutputTopic("out", SessionKeys, Serdes.String())!.ReadAll();
    }

    private static Windowed<string> W(long start) => new("a", new TimeWindow(start, start + 10));

    private static Windowed<string> S(long start, long end) => new("a", new SessionWindow(start, end));
}
