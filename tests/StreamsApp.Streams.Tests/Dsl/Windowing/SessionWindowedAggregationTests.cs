using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>
/// Session aggregations through the driver: a record within the gap of a session extends it, one that bridges two
/// sessions merges them (a tombstone per old session, then the merged aggregate, timestamped with the session end),
/// and a record whose session would end before stream time minus grace minus gap (Kafka Streams' close time) is
/// dropped and counted.
/// </summary>
public class SessionWindowedAggregationTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());
    private static readonly ISerde<Windowed<string>> SessionKeys = WindowedSerdes.SessionWindowed(Serdes.String());

    [Fact]
    public void A_record_bridging_two_sessions_deletes_both_and_puts_the_merged_aggregate()
    {
        using var driver = new TopologyTestDriver(Sessions(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = Output(driver);

        input.PipeInput("a", "x", 0);
        input.PipeInput("a", "y", 20);
        Assert.Equal([(S("a", 0, 0), "x", 0L), (S("a", 20, 20), "y", 20L)], output.ReadAll());

        // 10 is within the gap of both: the merger folds the sessions' aggregates from the initializer, then the value.
        input.PipeInput("a", "z", 10);
        Assert.Equal(
            [(S("a", 0, 0), (string?)null, 0L), (S("a", 20, 20), null, 20L), (S("a", 0, 20), "x+y+z", 20L)],
            output.ReadAll());

        Assert.Equal([new KeyValue<Windowed<string>, string>(S("a", 0, 20), "x+y+z")], driver.GetSessionStore<string, string>("sessions").Fetch("a").ToList());
    }

    [Fact]
    public void A_record_within_the_gap_extends_the_session_and_other_keys_keep_their_own()
    {
        using var driver = new TopologyTestDriver(Sessions(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMilliseconds(10))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 0);
        input.PipeInput("b", "u", 5);
        input.PipeInput("a", "y", 10);
        input.PipeInput("a", "w", 21);

        Assert.Equal(
            [(S("a", 0, 0), "x", 0L), (S("b", 5, 5), "u", 5L), (S("a", 0, 0), null, 0L), (S("a", 0, 10), "x+y", 10L), (S("a", 21, 21), "w", 21L)],
            Output(driver).ReadAll());
    }

    [Fact]
    public void A_record_near_time_zero_extends_the_session_although_its_gap_reaches_before_zero()
    {
        using var driver = new TopologyTestDriver(Sessions(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 0);
        input.PipeInput("a", "y", 5);

        Assert.Equal([(S("a", 0, 0), "x", 0L), (S("a", 0, 0), null, 0L), (S("a", 0, 5), "x+y", 5L)], Output(driver).ReadAll());
    }

    [Fact]
    public void Records_for_sessions_ending_before_stream_time_minus_grace_and_gap_are_dropped_and_counted()
    {
        using var driver = new TopologyTestDriver(Sessions(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = Output(driver);
        input.PipeInput("b", "u", 30);
        output.ReadAll();

        // Close time 30 - 5 - 10 = 15: a new session at 14 is late, one at 15 is not.
        input.PipeInput("a", "x", 14);
        Assert.Empty(output.ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
        input.PipeInput("a", "y", 15);
        Assert.Equal([(S("a", 15, 15), "y", 15L)], output.ReadAll());

        // Extending a still-open session backwards stays allowed: the merged session ends at 15. The store below has
        // expired [15, 15] already (its retention is gap + grace), so, as in Kafka Streams, its tombstone is not
        // forwarded: the cache still held the session, and downstream learns of the merge from [8, 15].
        input.PipeInput("a", "z", 8);
        Assert.Equal([(S("a", 8, 15), "y+z", 15L)], output.ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    [Fact]
    public void A_record_older_than_stream_time_minus_grace_still_opens_a_session_within_the_gap_of_the_close_time()
    {
        // Kafka Streams' TopologyTestDriver, gap 5 and grace 10: k@8 is accepted at stream time 20 (close time 5),
        // and k@16 later bridges [8, 12] and [20, 20].
        using var driver = new TopologyTestDriver(Sessions(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("k", "a", 0);
        input.PipeInput("k", "b", 20);
        input.PipeInput("k", "c", 8);
        input.PipeInput("k", "d", 12);
        input.PipeInput("k", "e", 16);

        Assert.Equal(
            [
                (S("k", 0, 0), "a", 0L), (S("k", 20, 20), "b", 20L), (S("k", 8, 8), "c", 8L),
                (S("k", 8, 8), null, 8L), (S("k", 8, 12), "c+d", 12L),
                (S("k", 8, 12), null, 12L), (S("k", 20, 20), null, 20L), (S("k", 8, 20), "c+d+b+e", 20L),
            ],
            Output(driver).ReadAll());
        Assert.Equal(0, driver.DroppedRecords());
    }

    [Fact]
    public void A_suppressed_session_is_final_once_stream_time_passes_its_end_plus_gap_and_grace()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupByKey()
            .WindowedBy(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10)))
            .Count()
            .Suppress(Suppressed.UntilWindowCloses<Windowed<string>>(BufferConfig.Unbounded()))
            .MapValues(count => (long?)count)
            .ToStream()
            .To("output", Produced.With(SessionKeys, Serdes.Nullable(Serdes.Int64())));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", SessionKeys, Serdes.Nullable(Serdes.Int64()));

        // [0, 0] could still grow until stream time 5 (gap), and take late records until 15 (grace).
        input.PipeInput("k", "x", 0);
        input.PipeInput("j", "x", 14);
        Assert.Empty(output.ReadAll());
        input.PipeInput("j", "x", 15);

        Assert.Equal([(S("k", 0, 0), (long?)1, 0L)], output.ReadAll());
    }

    [Fact]
    public void Session_count_and_reduce_merge_with_addition_and_the_reducer()
    {
        var builder = new StreamsBuilder();
        var sessions = builder.Stream("input", Strings).GroupByKey()
            .WindowedBy(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)));
        sessions.Count(materialized: Materialized.As<string, long>("counts"));
        sessions.Reduce((aggregate, value) => aggregate + value, materialized: Materialized.As<string, string>("reduced"));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 0);
        input.PipeInput("a", "2", 20);
        input.PipeInput("a", "3", 20);
        input.PipeInput("a", "4", 10);

        Assert.True(driver.GetSessionStore<string, long>("counts").TryFetchSession("a", 0, 20, out var count));
        Assert.Equal(4L, count);
        Assert.True(driver.GetSessionStore<string, string>("reduced").TryFetchSession("a", 0, 20, out var reduced));
        Assert.Equal("1234", reduced);
    }

    [Fact]
    public void Uncached_a_session_grown_in_place_is_deleted_first_and_one_repeating_its_own_time_is_not()
    {
        // As Kafka Streams' processor: the sessions a record merges are removed, unless the merged session is [t, t].
        using var driver = new TopologyTestDriver(
            Sessions(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMilliseconds(10))), DslTestSupport.Uncached());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 10);
        input.PipeInput("a", "y", 10);
        input.PipeInput("a", "z", 15);
        input.PipeInput("a", "w", 12);

        Assert.Equal(
            [
                (S("a", 10, 10), "x", 10L), (S("a", 10, 10), "x+y", 10L),
                (S("a", 10, 10), (string?)null, 10L), (S("a", 10, 15), "x+y+z", 15L),
                (S("a", 10, 15), null, 15L), (S("a", 10, 15), "x+y+z+w", 15L),
            ],
            Output(driver).ReadAll());
    }

    [Fact]
    public void A_record_with_a_null_value_is_aggregated_into_its_session()
    {
        // As Kafka Streams' session aggregation, which drops only records without a key.
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupByKey()
            .WindowedBy(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMilliseconds(5)))
            .Count()
            .MapValues(count => (long?)count)
            .ToStream()
            .To("output", Produced.With(SessionKeys, Serdes.Nullable(Serdes.Int64())));
        using var driver = new TopologyTestDriver(builder.Build(), DslTestSupport.Uncached());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 1);
        input.PipeInput("a", null!, 2);
        input.PipeInput("b", null!, 3);
        input.PipeInput(null!, "x", 4);

        Assert.Equal(
            [(S("a", 1, 1), (long?)1, 1L), (S("a", 1, 1), null, 1L), (S("a", 1, 2), 2, 2L), (S("b", 3, 3), 1, 3L)],
            driver.CreateOutputTopic("output", SessionKeys, Serdes.Nullable(Serdes.Int64())).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
    }

    private static Windowed<string> S(string key, long start, long end) => new(key, new SessionWindow(start, end));

    private static Topology Sessions(SessionWindows windows)
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).GroupByKey().WindowedBy(windows)
            .Aggregate(() => "", (_, value, aggregate) => aggregate + value, (_, left, right) => left + right + "+",
                materialized: Materialized.As<string, string>("sessions"))
            .ToStream()
            .To("output", Produced.With(SessionKeys, Serdes.String()));
        return builder.Build();
    }

    private static TestOutputTopic<Windowed<string>, string?> Output(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", SessionKeys, Serdes.String())!;
}
