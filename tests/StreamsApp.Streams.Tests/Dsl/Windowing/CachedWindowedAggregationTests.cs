using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>
/// Windowed and session aggregations are cached by default, as in Kafka Streams: the updates one commit makes to a
/// window reach downstream once, at the commit, with the value downstream saw last as old value. Each piped value
/// "x,x,x" is split into several records before the aggregation, so that one commit holds several updates (the
/// driver commits after each piped record).
/// </summary>
public class CachedWindowedAggregationTests
{
    private static readonly ISerde<Windowed<string>> TenMsKeys = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(10));
    private static readonly ISerde<Windowed<string>> SessionKeys = WindowedSerdes.SessionWindowed(Serdes.String());
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(100);

    // Out of order and across windows: a@4 is late for nothing (grace 100) but older than stream time.
    private static readonly (string Key, string Values, long Timestamp)[] Input =
        [("a", "x,x", 1), ("a", "x", 3), ("b", "x,x,x", 7), ("a", "x,x", 12), ("a", "x", 4), ("b", "x,x", 19)];

    public static TheoryData<string> TimeWindowKinds => ["tumbling", "hopping", "sliding"];

    [Fact]
    public void A_tumbling_count_forwards_one_update_per_window_per_commit_and_every_update_without_caching()
    {
        var cached = Batches(TimeWindowed("tumbling", caching: true), TenMsKeys, Serdes.Int64(), Input[..3]);
        var uncached = Batches(TimeWindowed("tumbling", caching: false), TenMsKeys, Serdes.Int64(), Input[..3]);

        Assert.Equal([[(W("a", 0), 2L, 1L)], [(W("a", 0), 3L, 3L)], [(W("b", 0), 3L, 7L)]], cached);
        Assert.Equal(
            [[(W("a", 0), 1L, 1L), (W("a", 0), 2L, 1L)], [(W("a", 0), 3L, 3L)], [(W("b", 0), 1L, 7L), (W("b", 0), 2L, 7L), (W("b", 0), 3L, 7L)]],
            uncached);
    }

    [Theory]
    [MemberData(nameof(TimeWindowKinds))]
    public void Each_commit_forwards_the_last_uncached_update_of_each_window_in_last_write_order(string kind)
    {
        var cached = Batches(TimeWindowed(kind, caching: true), TenMsKeys, Serdes.Int64(), Input);
        var uncached = Batches(TimeWindowed(kind, caching: false), TenMsKeys, Serdes.Int64(), Input);

        Assert.Equal(uncached.Select(Coalesced), cached);
        Assert.True(cached.Sum(batch => batch.Count) < uncached.Sum(batch => batch.Count));
    }

    [Fact]
    public void A_cache_too_small_for_two_windows_forwards_on_eviction_what_a_large_one_coalesces()
    {
        // One record at 7 updates hopping windows [0, 10) and [5, 15). A window entry costs 8 (segment) + 1 (key) +
        // 12 (start, seqnum) + 16 (count and timestamp) + 96 bytes: 150 bytes hold one, so each put evicts the other
        // window, and evicting a dirty one flushes (writes down and forwards) the store's dirty windows.
        (string, string, long)[] input = [("a", "x,x", 7)];
        var hopping = () => TimeWindowed("hopping", caching: true);

        var tiny = Batches(hopping(), TenMsKeys, Serdes.Int64(), input, cacheBytes: 150);
        var large = Batches(hopping(), TenMsKeys, Serdes.Int64(), input);

        Assert.Equal([[(W("a", 0), 1L, 7L), (W("a", 5), 1L, 7L), (W("a", 0), 2L, 7L), (W("a", 5), 2L, 7L)]], tiny);
        Assert.Equal([[(W("a", 0), 2L, 7L), (W("a", 5), 2L, 7L)]], large);
    }

    [Fact]
    public void Old_values_are_what_downstream_last_saw_so_a_regrouped_sum_of_window_counts_stays_right()
    {
        var builder = new StreamsBuilder();
        Split(builder).GroupByKey().WindowedBy(TimeWindows.OfSizeAndGrace(TenMs, Grace)).Count()
            .GroupBy((window, count) => KeyValue.Pair(window.Key, count), Grouped.With(Serdes.String(), Serdes.Int64()))
            .Reduce((sum, count) => sum + count, (sum, count) => sum - count)
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());
        var sums = new List<long>();

        foreach (var (key, values, timestamp) in new[] { ("a", "x,x,x", 1L), ("a", "x,x", 2L), ("a", "x", 12L), ("a", "x,x", 5L) })
        {
            input.PipeInput(key, values, timestamp);
            sums.Add(output.ReadKeyValuesToList()[^1].Value);
        }

        // Window [0, 10) counts 3, then 5 (old 3), [10, 20) adds 1, then [0, 10) counts 7 (old 5): a stale old value
        // (an intermediate count downstream never saw) would subtract the wrong amount.
        Assert.Equal([3L, 5L, 6L, 8L], sums);
        Assert.Empty(output.ReadKeyValuesToList());
    }

    [Fact]
    public void A_session_merge_within_one_commit_forwards_the_stored_sessions_tombstones_and_the_merged_session_once()
    {
        (string, string, long)[] input = [("a", "x", 0), ("a", "y", 30), ("a", "p,q", 15)];
        var cached = Batches(SessionTags(Split, caching: true), SessionKeys, Serdes.String(), input);
        var uncached = Batches(SessionTags(Split, caching: false), SessionKeys, Serdes.String(), input);

        // q finds [0, 30] in the cache, and [0, 0] and [30, 30] still in the store but hidden by their cached
        // removes: it must extend [0, 30], not merge the stored sessions again.
        Assert.Equal(
            [[(S(0, 0), "x", 0L)], [(S(30, 30), "y", 30L)], [(S(0, 0), (string?)null, 0L), (S(30, 30), null, 30L), (S(0, 30), "xypq", 30L)]],
            cached.Select(Nullable));

        // Uncached, q's growing [0, 30] in place removes it first, as in Kafka Streams: its tombstone reaches downstream.
        Assert.Equal(
            [
                [(S(0, 0), "x", 0L)], [(S(30, 30), "y", 30L)],
                [(S(0, 0), (string?)null, 0L), (S(30, 30), null, 30L), (S(0, 30), "xyp", 30L), (S(0, 30), null, 30L), (S(0, 30), "xypq", 30L)],
            ],
            uncached.Select(Nullable));
    }

    [Fact]
    public void A_session_created_and_merged_away_within_one_commit_is_never_forwarded()
    {
        // "0,5": a record at 0 opens [0, 0], one at 5 merges it into [0, 5] before the commit.
        var cached = Batches(SessionTags(AtTimestamps, caching: true), SessionKeys, Serdes.String(), [("a", "0,5", 0)]);
        var uncached = Batches(SessionTags(AtTimestamps, caching: false), SessionKeys, Serdes.String(), [("a", "0,5", 0)]);

        Assert.Equal([[(S(0, 5), (string?)"05", 5L)]], cached);
        Assert.Equal([[(S(0, 0), (string?)"0", 0L), (S(0, 0), null, 0L), (S(0, 5), "05", 5L)]], uncached);
    }

    [Fact]
    public void A_session_the_cache_still_holds_merges_although_the_store_below_expired_it()
    {
        // Kafka Streams' TopologyTestDriver, gap 5 and grace 0 (retention 5): at stream time 10 the store has dropped
        // [0, 0], but the cache keeps it, so c@5 merges it; its tombstone is not forwarded, as the store holds none.
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String())).GroupByKey()
            .WindowedBy(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMilliseconds(5)))
            .Aggregate(() => "", (_, value, tags) => tags + value, (_, left, right) => left + right, materialized: Materialized.As<string, string>("sessions"))
            .ToStream()
            .To("output", Produced.With(SessionKeys, Serdes.String()));

        var batches = Batches(builder, SessionKeys, Serdes.String(), [("a", "a", 0), ("a", "b", 10), ("a", "c", 5)]);

        Assert.Equal(
            [[(S(0, 0), "a", 0L)], [(S(10, 10), "b", 10L)], [(S(10, 10), (string?)null, 10L), (S(0, 10), "abc", 10L)]],
            batches.Select(Nullable));
    }

    [Fact]
    public void A_suppressed_cached_count_emits_each_window_once_when_it_closes()
    {
        var builder = new StreamsBuilder();
        Split(builder).GroupByKey().WindowedBy(TimeWindows.OfSizeAndGrace(TenMs, TimeSpan.FromMilliseconds(5))).Count()
            .Suppress(Suppressed.UntilWindowCloses<Windowed<string>>(BufferConfig.Unbounded()))
            .ToStream()
            .To("output", Produced.With(TenMsKeys, Serdes.Int64()));

        var batches = Batches(builder, TenMsKeys, Serdes.Int64(), [("a", "x,x", 1), ("a", "x,x,x", 8), ("a", "x", 15), ("a", "x,x", 30)]);

        Assert.Equal([[], [], [(W("a", 0), 5L, 8L)], [(W("a", 10), 1L, 15L)]], batches);
    }

    private static Windowed<string> W(string key, long start) => new(key, new TimeWindow(start, start + 10));

    private static Windowed<string> S(long start, long end) => new("a", new SessionWindow(start, end));

    private static IKStream<string, string> Split(StreamsBuilder builder) =>
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String())).FlatMapValues(values => values.Split(','));

    private static StreamsBuilder TimeWindowed(string kind, bool caching)
    {
        var builder = new StreamsBuilder();
        var grouped = Split(builder).GroupByKey();
        var materialized = Materialized.As<string, long>("counts");
        materialized = caching ? materialized : materialized.WithCachingDisabled();
        var table = kind switch
        {
            "tumbling" => grouped.WindowedBy(TimeWindows.OfSizeAndGrace(TenMs, Grace)).Count(materialized: materialized),
            "hopping" => grouped.WindowedBy(TimeWindows.OfSizeAndGrace(TenMs, Grace).AdvanceBy(TimeSpan.FromMilliseconds(5))).Count(materialized: materialized),
            _ => grouped.WindowedBy(SlidingWindows.OfTimeDifferenceAndGrace(TenMs, Grace)).Count(materialized: materialized),
        };
        table.ToStream().To("output", Produced.With(TenMsKeys, Serdes.Int64()));
        return builder;
    }

    // Each session's values concatenated (merged sessions' aggregates too).
    private static StreamsBuilder SessionTags(Func<StreamsBuilder, IKStream<string, string>> input, bool caching)
    {
        var builder = new StreamsBuilder();
        var materialized = Materialized.As<string, string>("sessions");
        input(builder).GroupByKey(Grouped.With(Serdes.String(), Serdes.String()))
            .WindowedBy(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(20), Grace))
            .Aggregate(() => "", (_, value, tags) => tags + value, (_, left, right) => left + right,
                materialized: caching ? materialized : materialized.WithCachingDisabled())
            .ToStream()
            .To("output", Produced.With(SessionKeys, Serdes.String()));
        return builder;
    }

    // Each piped value "t1,t2" becomes records with values t1, t2 at timestamps t1, t2.
    private static IKStream<string, string> AtTimestamps(StreamsBuilder builder) =>
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String())).ProcessValues(() => new TimestampSplitter());

    private static List<(Windowed<string> Key, string? Value, long? Timestamp)> Nullable(List<(Windowed<string> Key, string Value, long? Timestamp)> batch) =>
        batch.Select(e => (e.Key, (string?)e.Value, e.Timestamp)).ToList();

    // The output of each piped record (one commit each).
    private static List<List<(Windowed<string> Key, TValue Value, long? Timestamp)>> Batches<TValue>(
        StreamsBuilder builder, ISerde<Windowed<string>> keys, ISerde<TValue> valueSerde, (string Key, string Values, long Timestamp)[] input,
        long cacheBytes = 10L * 1024 * 1024)
    {
        using var driver = new TopologyTestDriver(builder.Build(), new StreamsConfig { ApplicationId = "cached-windows", CacheMaxBytesBuffering = cacheBytes });
        var topic = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = driver.CreateOutputTopic("output", keys, valueSerde);
        var batches = new List<List<(Windowed<string>, TValue, long?)>>();
        foreach (var (key, values, timestamp) in input)
        {
            topic.PipeInput(key, values, timestamp);
            batches.Add(output.ReadAll());
        }

        return batches;
    }

    // What a cache makes of one commit's updates: each window's last update, in the order of those last updates.
    private static List<(Windowed<string> Key, long Value, long? Timestamp)> Coalesced(List<(Windowed<string> Key, long Value, long? Timestamp)> batch) =>
        batch.Where((update, index) => !batch.Skip(index + 1).Any(later => later.Key == update.Key)).ToList();

    private sealed class TimestampSplitter : IFixedKeyProcessor<string, string, string>
    {
        private IFixedKeyProcessorContext<string, string>? _context;

        public void Init(IFixedKeyProcessorContext<string, string> context) => _context = context;

        public void Process(FixedKeyRecord<string, string> record)
        {
            foreach (var timestamp in record.Value.Split(','))
            {
                _context!.Forward(record.WithValue(timestamp).WithTimestamp(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }
}
