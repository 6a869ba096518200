using System.Text;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Windowing;

/// <summary>
/// Session and sliding aggregations over a 2-partition input: two keys owned by different partitions each get the
/// windows one partition would give, and their windows live only in the owning task's store, whether the input is
/// keyed by word already or re-keyed with SelectKey from records spread over both partitions (which must go through
/// the repartition topic: a key's records split over two tasks would make two half-sessions, two half-windows).
/// </summary>
public class PartitionedWindowedAggregationTests
{
    private const int Partitions = 2;
    private static readonly ISerde<Windowed<string>> SessionKeys = WindowedSerdes.SessionWindowed(Serdes.String());
    private static readonly ISerde<Windowed<string>> SlidingKeys = WindowedSerdes.TimeWindowed(Serdes.String(), TimeSpan.FromMilliseconds(10));

    // "apple" and "fig" are owned by different partitions (asserted below); each record is "word:tag".
    private static readonly (string Value, long Timestamp)[] SessionInput =
        [("apple:a", 0), ("fig:b", 2), ("apple:c", 5), ("apple:d", 24), ("fig:e", 8), ("apple:f", 14)];

    private static readonly (string Value, long Timestamp)[] SlidingInput =
        [("apple:a", 10), ("fig:b", 12), ("apple:c", 15), ("apple:d", 30)];

    [Fact]
    public void The_two_keys_are_owned_by_different_partitions() =>
        Assert.NotEqual(Owner("apple"), Owner("fig"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sessions_of_keys_on_both_partitions_merge_within_their_owning_task(bool rekey)
    {
        var builder = new StreamsBuilder();
        Grouped(builder, rekey)
            .WindowedBy(SessionWindows.OfInactivityGapAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)))
            .Aggregate(() => "", (_, value, tags) => tags + value.Split(':')[1], (_, left, right) => left + right,
                materialized: Materialized.As<string, string>("sessions"))
            .ToStream()
            .To("output", Produced.With(SessionKeys, Serdes.String()));
        using var driver = DslTestSupport.Driver(builder.Build(), ("input", Partitions), ("output", Partitions));

        Pipe(driver, SessionInput, rekey);

        // Gap 10: apple@5 extends [0,0]; apple@14 is within 10 of both [0,5] and [24,24] and merges them.
        Assert.Equal(
            [
                (S("apple", 0, 0), "a", 0L), (S("fig", 2, 2), "b", 2L),
                (S("apple", 0, 0), null, 0L), (S("apple", 0, 5), "ac", 5L),
                (S("apple", 24, 24), "d", 24L),
                (S("fig", 2, 2), null, 2L), (S("fig", 2, 8), "be", 8L),
                (S("apple", 0, 5), null, 5L), (S("apple", 24, 24), null, 24L), (S("apple", 0, 24), "acdf", 24L),
            ],
            driver.CreateOutputTopic("output", SessionKeys, Serdes.String())!.ReadAll());
        foreach (var (word, session) in new[] { ("apple", S("apple", 0, 24)), ("fig", S("fig", 2, 8)) })
        {
            for (var partition = 0; partition < Partitions; partition++)
            {
                Assert.Equal(partition == Owner(word) ? [session] : [], driver.GetSessionStore<string, string>("sessions", partition).Fetch(word).Select(s => s.Key).ToList());
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sliding_windows_of_keys_on_both_partitions_see_every_record_of_their_key(bool rekey)
    {
        var builder = new StreamsBuilder();
        Grouped(builder, rekey)
            .WindowedBy(SlidingWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)))
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream()
            .To("output", Produced.With(SlidingKeys, Serdes.Int64()));
        using var driver = DslTestSupport.Driver(builder.Build(), ("input", Partitions), ("output", Partitions));

        Pipe(driver, SlidingInput, rekey);

        // Difference 10: apple@15 gets its left window [5,15] holding 10 and 15, and 10's right window [11,21].
        Assert.Equal(
            [
                (W("apple", 0), 1L, 10L), (W("fig", 2), 1L, 12L),
                (W("apple", 11), 1L, 15L), (W("apple", 5), 2L, 15L),
                (W("apple", 20), 1L, 30L),
            ],
            driver.CreateOutputTopic("output", SlidingKeys, Serdes.Int64()).ReadAll());
        for (var partition = 0; partition < Partitions; partition++)
        {
            Assert.All(driver.GetTimestampedWindowStore<string, long>("counts", partition).All().ToList(), window => Assert.Equal(Owner(window.Key.Key), partition));
        }
    }

    // Re-keyed: keys say nothing of the word, and records alternate between the partitions, so every word has
    // records on both; else keyed by word, so the driver partitions them by owner.
    private static IKGroupedStream<string, string> Grouped(StreamsBuilder builder, bool rekey)
    {
        var input = builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()));
        return (rekey ? input.SelectKey((_, value) => value.Split(':')[0]) : input).GroupByKey();
    }

    private static void Pipe(TopologyTestDriver driver, (string Value, long Timestamp)[] records, bool rekey)
    {
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        for (var i = 0; i < records.Length; i++)
        {
            var (value, timestamp) = records[i];
            input.PipeInput(rekey
                ? new TestRecord<string, string>("line-" + i, value, timestamp, Partition: i % Partitions)
                : new TestRecord<string, string>(value.Split(':')[0], value, timestamp));
        }
    }

    private static int Owner(string key) => Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(key), Partitions);

    private static Windowed<string> S(string key, long start, long end) => new(key, new SessionWindow(start, end));

    private static Windowed<string> W(string key, long start) => new(key, new TimeWindow(start, start + 10));
}
