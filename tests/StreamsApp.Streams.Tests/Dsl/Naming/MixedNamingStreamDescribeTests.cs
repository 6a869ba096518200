using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Dsl.Naming;

/// <summary>
/// Describe() of stream programs that mix named and unnamed operations. Kafka Streams draws a generated name's number
/// even for a named operation (NamedInternal), so later generated nodes, stores and internal topics are numbered as
/// there only if ours draws the same way. Each expectation was derived by walking Kafka Streams' DSL source by hand.
/// </summary>
public sealed class MixedNamingStreamDescribeTests
{
    private static readonly ISerde<string> Strings = Serdes.String();

    [Fact]
    public void Stateless_operations_and_named_sources_and_sinks_draw_numbers()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Strings, Strings).WithName("in"))
            .Filter((_, v) => v.Length > 0)
            .Map((k, v) => KeyValue.Pair(v, k), Named.As("swap"))
            .MapValues(v => v.ToUpperInvariant())
            .To("output", Produced.With(Strings, Strings).WithName("out"));
        builder.Stream("audit", Consumed.With(Strings, Strings)).To("audit-copy", Produced.With(Strings, Strings));

        // KStreamImpl and InternalStreamsBuilder.stream name every node with NamedInternal.orElseGenerateWithPrefix, which
        // draws a number for a user's name too: in 0, filter 1, swap 2, map-values 3, out 4; the second stream 5 and 6.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000005 (topics: [audit])\n" +
            "      --> KSTREAM-SINK-0000000006\n" +
            "    Sink: KSTREAM-SINK-0000000006 (topic: audit-copy)\n" +
            "      <-- KSTREAM-SOURCE-0000000005\n\n" +
            "  Sub-topology: 1\n" +
            "    Source: in (topics: [input])\n" +
            "      --> KSTREAM-FILTER-0000000001\n" +
            "    Processor: KSTREAM-FILTER-0000000001 (stores: [])\n" +
            "      --> swap\n" +
            "      <-- in\n" +
            "    Processor: swap (stores: [])\n" +
            "      --> KSTREAM-MAPVALUES-0000000003\n" +
            "      <-- KSTREAM-FILTER-0000000001\n" +
            "    Processor: KSTREAM-MAPVALUES-0000000003 (stores: [])\n" +
            "      --> out\n" +
            "      <-- swap\n" +
            "    Sink: out (topic: output)\n" +
            "      <-- KSTREAM-MAPVALUES-0000000003\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Group_by_counts_number_their_stores_and_repartition_topics_after_named_operations()
    {
        var builder = new StreamsBuilder();
        var words = builder.Stream("lines", Consumed.With(Strings, Strings))
            .FlatMapValues(v => v.Split(' '), Named.As("split-words"));
        words.GroupBy((_, word) => word, Grouped.With(Strings, Strings))
            .Count(Named.As("word-count"), Materialized.With(Strings, Serdes.Int64()));
        words.GroupBy((_, word) => word.ToUpperInvariant(), Grouped.As<string, string>("upper"))
            .Count(materialized: Materialized.As<string, long>("upper-counts"))
            .ToStream()
            .To("upper-out", Produced.With(Strings, Serdes.Int64()));

        // split-words draws 1, the key selector is 2. count(Named, Materialized without a name) draws a dropped store
        // name (3, KGroupedStreamImpl.count), then its store (4, MaterializedInternal), then word-count (5); the
        // repartition topic is named after the store, and its sink, filter and source take 6-8
        // (GroupedStreamAggregateBuilder, KStreamImpl.createRepartitionedSource). Kafka Streams names the second key
        // selector after its group (KStreamImpl.groupBy), drawing 9; a named store draws nothing, so the count is 10;
        // the repartition topic takes the group's name, its nodes named after it still draw 11-13; ToStream 14, sink 15.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [lines])\n" +
            "      --> split-words\n" +
            "    Processor: split-words (stores: [])\n" +
            "      --> KSTREAM-KEY-SELECT-0000000002, upper\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-KEY-SELECT-0000000002 (stores: [])\n" +
            "      --> KSTREAM-FILTER-0000000007\n" +
            "      <-- split-words\n" +
            "    Processor: upper (stores: [])\n" +
            "      --> upper-repartition-filter\n" +
            "      <-- split-words\n" +
            "    Processor: KSTREAM-FILTER-0000000007 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000006\n" +
            "      <-- KSTREAM-KEY-SELECT-0000000002\n" +
            "    Processor: upper-repartition-filter (stores: [])\n" +
            "      --> upper-repartition-sink\n" +
            "      <-- upper\n" +
            "    Sink: KSTREAM-SINK-0000000006 (topic: KSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition)\n" +
            "      <-- KSTREAM-FILTER-0000000007\n" +
            "    Sink: upper-repartition-sink (topic: upper-repartition)\n" +
            "      <-- upper-repartition-filter\n\n" +
            "  Sub-topology: 1\n" +
            "    Source: KSTREAM-SOURCE-0000000008 (topics: [KSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition])\n" +
            "      --> word-count\n" +
            "    Processor: word-count (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000004])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-SOURCE-0000000008\n\n" +
            "  Sub-topology: 2\n" +
            "    Source: upper-repartition-source (topics: [upper-repartition])\n" +
            "      --> KSTREAM-AGGREGATE-0000000010\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000010 (stores: [upper-counts])\n" +
            "      --> KTABLE-TOSTREAM-0000000014\n" +
            "      <-- upper-repartition-source\n" +
            "    Processor: KTABLE-TOSTREAM-0000000014 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000015\n" +
            "      <-- KSTREAM-AGGREGATE-0000000010\n" +
            "    Sink: KSTREAM-SINK-0000000015 (topic: upper-out)\n" +
            "      <-- KTABLE-TOSTREAM-0000000014\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Windowed_counts_draw_numbers_as_kafka_streams_does()
    {
        var builder = new StreamsBuilder();
        var grouped = builder.Stream("clicks", Consumed.With(Strings, Strings).WithName("clicks-in")).GroupByKey();
        grouped.WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMinutes(5)))
            .Count(Named.As("clicks-per-window"))
            .ToStream()
            .Foreach((_, _) => { });
        grouped.WindowedBy(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMinutes(1)))
            .Count(materialized: Materialized.With(Strings, Serdes.Int64()));
        grouped.WindowedBy(SlidingWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMinutes(1)))
            .Count(Named.As("sliding"), Materialized.With(Strings, Serdes.Int64()))
            .ToStream()
            .Foreach((_, _) => { });

        // clicks-in draws 0. A time-windowed count(Named) generates its store (1) and draws 2 for its name; ToStream 3,
        // Foreach 4. A session-windowed count(Materialized without a name) first draws a dropped store name (5,
        // SessionWindowedKStreamImpl.count), then its store (6) and node (7). A sliding-windowed count draws no dropped
        // name (SlidingWindowedKStreamImpl.count): store 8, sliding 9, ToStream 10, Foreach 11.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: clicks-in (topics: [clicks])\n" +
            "      --> clicks-per-window, sliding, KSTREAM-AGGREGATE-0000000007\n" +
            "    Processor: clicks-per-window (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])\n" +
            "      --> KTABLE-TOSTREAM-0000000003\n" +
            "      <-- clicks-in\n" +
            "    Processor: sliding (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000008])\n" +
            "      --> KTABLE-TOSTREAM-0000000010\n" +
            "      <-- clicks-in\n" +
            "    Processor: KTABLE-TOSTREAM-0000000003 (stores: [])\n" +
            "      --> KSTREAM-FOREACH-0000000004\n" +
            "      <-- clicks-per-window\n" +
            "    Processor: KTABLE-TOSTREAM-0000000010 (stores: [])\n" +
            "      --> KSTREAM-FOREACH-0000000011\n" +
            "      <-- sliding\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000007 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000006])\n" +
            "      --> none\n" +
            "      <-- clicks-in\n" +
            "    Processor: KSTREAM-FOREACH-0000000004 (stores: [])\n" +
            "      --> none\n" +
            "      <-- KTABLE-TOSTREAM-0000000003\n" +
            "    Processor: KSTREAM-FOREACH-0000000011 (stores: [])\n" +
            "      --> none\n" +
            "      <-- KTABLE-TOSTREAM-0000000010\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Named_split_draws_a_number_for_itself_and_every_branch()
    {
        var builder = new StreamsBuilder();
        var branches = builder.Stream("events", Consumed.With(Strings, Strings))
            .Split(Named.As("route-"))
            .Branch((_, v) => v.StartsWith('a'), Branched.As<string, string>("a"))
            .Branch((_, v) => v.StartsWith('b'))
            .DefaultBranch();
        branches["route-a"].To("a-events", Produced.With(Strings, Strings));
        branches["route-2"].MapValues(v => v.ToUpperInvariant()).To("b-events", Produced.With(Strings, Strings));
        branches["route-0"].To("other-events", Produced.With(Strings, Strings));

        // BranchedKStreamImpl: the named splitter draws 1 and every branch draws one more, named or not (route-a 2,
        // route-2 3, route-0 4); the branches' own nodes follow from 5.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [events])\n" +
            "      --> route-\n" +
            "    Processor: route- (stores: [])\n" +
            "      --> route-2, route-0, route-a\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: route-2 (stores: [])\n" +
            "      --> KSTREAM-MAPVALUES-0000000006\n" +
            "      <-- route-\n" +
            "    Processor: KSTREAM-MAPVALUES-0000000006 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000007\n" +
            "      <-- route-2\n" +
            "    Processor: route-0 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000008\n" +
            "      <-- route-\n" +
            "    Processor: route-a (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000005\n" +
            "      <-- route-\n" +
            "    Sink: KSTREAM-SINK-0000000005 (topic: a-events)\n" +
            "      <-- route-a\n" +
            "    Sink: KSTREAM-SINK-0000000007 (topic: b-events)\n" +
            "      <-- KSTREAM-MAPVALUES-0000000006\n" +
            "    Sink: KSTREAM-SINK-0000000008 (topic: other-events)\n" +
            "      <-- route-0\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Named_suppress_draws_no_number_and_an_unnamed_one_draws_two()
    {
        var builder = new StreamsBuilder();
        builder.Stream("clicks", Consumed.With(Strings, Strings))
            .GroupByKey()
            .WindowedBy(TimeWindows.OfSizeAndGrace(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10)))
            .Count()
            .Suppress(Suppressed.UntilWindowCloses<Windowed<string>>(BufferConfig.Unbounded()).WithName("final"))
            .Suppress(Suppressed.UntilTimeLimit<Windowed<string>>(TimeSpan.FromSeconds(1), BufferConfig.Unbounded()))
            .ToStream()
            .Foreach((_, _) => { });

        // KTableImpl.suppress: a named suppression draws nothing for its node or its <name>-store; an unnamed one draws
        // its node (3) and store (4). Source 0, count store 1 and node 2, ToStream 5, Foreach 6.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [clicks])\n" +
            "      --> KSTREAM-AGGREGATE-0000000002\n" +
            "    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])\n" +
            "      --> final\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: final (stores: [final-store])\n" +
            "      --> KTABLE-SUPPRESS-0000000003\n" +
            "      <-- KSTREAM-AGGREGATE-0000000002\n" +
            "    Processor: KTABLE-SUPPRESS-0000000003 (stores: [KTABLE-SUPPRESS-STATE-STORE-0000000004])\n" +
            "      --> KTABLE-TOSTREAM-0000000005\n" +
            "      <-- final\n" +
            "    Processor: KTABLE-TOSTREAM-0000000005 (stores: [])\n" +
            "      --> KSTREAM-FOREACH-0000000006\n" +
            "      <-- KTABLE-SUPPRESS-0000000003\n" +
            "    Processor: KSTREAM-FOREACH-0000000006 (stores: [])\n" +
            "      --> none\n" +
            "      <-- KTABLE-TOSTREAM-0000000005\n\n",
            builder.Build().Describe().ToString());
    }
}
