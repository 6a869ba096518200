using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Dsl.Naming;

/// <summary>
/// Describe() of join programs that mix named and unnamed operations, numbered as Kafka Streams numbers them
/// (each expectation derived by walking its DSL source by hand).
/// </summary>
public sealed class MixedNamingJoinDescribeTests
{
    private static readonly ISerde<string> Strings = Serdes.String();

    [Fact]
    public void Stream_stream_join_with_stream_joined_names_draws_every_number()
    {
        var builder = new StreamsBuilder();
        var orders = builder.Stream("orders", Consumed.With(Strings, Strings))
            .SelectKey((_, v) => v, Named.As("order-key"));
        var payments = builder.Stream("payments", Consumed.With(Strings, Strings).WithName("payments-in"));
        orders.Join(
                payments, (o, p) => o + p, JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMinutes(1)),
                StreamJoined.With(Strings, Strings, Strings).WithName("pay-join").WithStoreName("pay-store"))
            .To("paid", Produced.With(Strings, Strings));

        // source 0, order-key 1, payments-in 2. The left side needs a repartition, named after the join
        // (KStreamImpl.doJoin: pay-join-left), whose three nodes draw 3-5. KStreamImplJoin then draws this-windowed 6,
        // other-windowed 7, the generated join names 8 and 9 (used only for unnamed stores) and merge 10; the stores
        // take the store name. The sink is 11.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [orders])\n" +
            "      --> order-key\n" +
            "    Processor: order-key (stores: [])\n" +
            "      --> pay-join-left-repartition-filter\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: pay-join-left-repartition-filter (stores: [])\n" +
            "      --> pay-join-left-repartition-sink\n" +
            "      <-- order-key\n" +
            "    Sink: pay-join-left-repartition-sink (topic: pay-join-left-repartition)\n" +
            "      <-- pay-join-left-repartition-filter\n\n" +
            "  Sub-topology: 1\n" +
            "    Source: pay-join-left-repartition-source (topics: [pay-join-left-repartition])\n" +
            "      --> pay-join-this-windowed\n" +
            "    Source: payments-in (topics: [payments])\n" +
            "      --> pay-join-other-windowed\n" +
            "    Processor: pay-join-other-windowed (stores: [pay-store-other-join-store])\n" +
            "      --> pay-join-other-join\n" +
            "      <-- payments-in\n" +
            "    Processor: pay-join-this-windowed (stores: [pay-store-this-join-store])\n" +
            "      --> pay-join-this-join\n" +
            "      <-- pay-join-left-repartition-source\n" +
            "    Processor: pay-join-other-join (stores: [pay-store-this-join-store])\n" +
            "      --> pay-join-merge\n" +
            "      <-- pay-join-other-windowed\n" +
            "    Processor: pay-join-this-join (stores: [pay-store-other-join-store])\n" +
            "      --> pay-join-merge\n" +
            "      <-- pay-join-this-windowed\n" +
            "    Processor: pay-join-merge (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000011\n" +
            "      <-- pay-join-this-join, pay-join-other-join\n" +
            "    Sink: KSTREAM-SINK-0000000011 (topic: paid)\n" +
            "      <-- pay-join-merge\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Stream_table_join_after_a_named_key_change_names_the_repartition_after_that_node()
    {
        var builder = new StreamsBuilder();
        var table = builder.Table("prices", Consumed.With(Strings, Strings));
        builder.Stream("trades", Consumed.With(Strings, Strings))
            .SelectKey((_, v) => v, Named.As("by-symbol"))
            .Join(table, (t, p) => t + p)
            .To("priced", Produced.With(Strings, Strings));

        // The table takes 0-2 (store, source, table source), the stream source 3, by-symbol 4. The join's repartition
        // is named after this stream's node (KStreamImpl.join), and as by-symbol is no generated name its nodes are
        // named after the topic (KStreamImpl.createRepartitionedSource), drawing 5-7; the join is 8, the sink 9.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: by-symbol-repartition-source (topics: [by-symbol-repartition])\n" +
            "      --> KSTREAM-JOIN-0000000008\n" +
            "    Processor: KSTREAM-JOIN-0000000008 (stores: [prices-STATE-STORE-0000000000])\n" +
            "      --> KSTREAM-SINK-0000000009\n" +
            "      <-- by-symbol-repartition-source\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [prices])\n" +
            "      --> KTABLE-SOURCE-0000000002\n" +
            "    Sink: KSTREAM-SINK-0000000009 (topic: priced)\n" +
            "      <-- KSTREAM-JOIN-0000000008\n" +
            "    Processor: KTABLE-SOURCE-0000000002 (stores: [prices-STATE-STORE-0000000000])\n" +
            "      --> none\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n\n" +
            "  Sub-topology: 1\n" +
            "    Source: KSTREAM-SOURCE-0000000003 (topics: [trades])\n" +
            "      --> by-symbol\n" +
            "    Processor: by-symbol (stores: [])\n" +
            "      --> by-symbol-repartition-filter\n" +
            "      <-- KSTREAM-SOURCE-0000000003\n" +
            "    Processor: by-symbol-repartition-filter (stores: [])\n" +
            "      --> by-symbol-repartition-sink\n" +
            "      <-- by-symbol\n" +
            "    Sink: by-symbol-repartition-sink (topic: by-symbol-repartition)\n" +
            "      <-- by-symbol-repartition-filter\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Named_foreign_key_join_draws_every_number_and_its_result_store_name()
    {
        var builder = new StreamsBuilder();
        var orders = builder.Table("orders", Consumed.With(Strings, Strings));
        var customers = builder.Table("customers", Consumed.With(Strings, Strings));
        orders.Join(customers, order => order, (order, customer) => order + customer, Named.As("enrich"))
            .ToStream()
            .To("enriched", Produced.With(Strings, Strings));

        // The tables take 0-5. KTableImpl.doJoinOnForeignKey draws, named or not: registration topic 6, send 7, sink 8,
        // source 9, subscription store 10, receive 11, Kafka Streams' separate subscription-join node 12 (not a node
        // here, decision 0007, so the receive node carries the foreign table's store), foreign join 13, response topic
        // 14, sink 15, source 16, resolver 17, result 18, and the result's store name 19 (unused: not materialized).
        // ToStream is 20, the sink 21.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: enrich-subscription-response-source (topics: [enrich-subscription-response-topic])\n" +
            "      --> enrich-subscription-response-resolver\n" +
            "    Source: KSTREAM-SOURCE-0000000001 (topics: [orders])\n" +
            "      --> KTABLE-SOURCE-0000000002\n" +
            "    Processor: enrich-subscription-response-resolver (stores: [orders-STATE-STORE-0000000000])\n" +
            "      --> enrich-result\n" +
            "      <-- enrich-subscription-response-source\n" +
            "    Processor: KTABLE-SOURCE-0000000002 (stores: [orders-STATE-STORE-0000000000])\n" +
            "      --> enrich-subscription-registration-processor\n" +
            "      <-- KSTREAM-SOURCE-0000000001\n" +
            "    Processor: enrich-result (stores: [])\n" +
            "      --> KTABLE-TOSTREAM-0000000020\n" +
            "      <-- enrich-subscription-response-resolver\n" +
            "    Processor: KTABLE-TOSTREAM-0000000020 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000021\n" +
            "      <-- enrich-result\n" +
            "    Processor: enrich-subscription-registration-processor (stores: [])\n" +
            "      --> enrich-subscription-registration-sink\n" +
            "      <-- KTABLE-SOURCE-0000000002\n" +
            "    Sink: KSTREAM-SINK-0000000021 (topic: enriched)\n" +
            "      <-- KTABLE-TOSTREAM-0000000020\n" +
            "    Sink: enrich-subscription-registration-sink (topic: enrich-subscription-registration-topic)\n" +
            "      <-- enrich-subscription-registration-processor\n\n" +
            "  Sub-topology: 1\n" +
            "    Source: KSTREAM-SOURCE-0000000004 (topics: [customers])\n" +
            "      --> KTABLE-SOURCE-0000000005\n" +
            "    Processor: KTABLE-SOURCE-0000000005 (stores: [customers-STATE-STORE-0000000003])\n" +
            "      --> enrich-foreign-join-subscription\n" +
            "      <-- KSTREAM-SOURCE-0000000004\n" +
            "    Source: enrich-subscription-registration-source (topics: [enrich-subscription-registration-topic])\n" +
            "      --> enrich-subscription-receive\n" +
            "    Processor: enrich-foreign-join-subscription (stores: [enrich-subscription-store])\n" +
            "      --> enrich-subscription-response-sink\n" +
            "      <-- KTABLE-SOURCE-0000000005\n" +
            "    Processor: enrich-subscription-receive (stores: [enrich-subscription-store, customers-STATE-STORE-0000000003])\n" +
            "      --> enrich-subscription-response-sink\n" +
            "      <-- enrich-subscription-registration-source\n" +
            "    Sink: enrich-subscription-response-sink (topic: enrich-subscription-response-topic)\n" +
            "      <-- enrich-subscription-receive, enrich-foreign-join-subscription\n\n",
            builder.Build().Describe().ToString());
    }

    [Fact]
    public void Unnamed_self_join_after_a_key_change_draws_a_second_repartition_and_shares_the_first()
    {
        var builder = new StreamsBuilder();
        var events = builder.Stream("events", Consumed.With(Strings, Strings)).SelectKey((_, v) => v);
        events.Join(events, (a, b) => a + b, JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMinutes(1)))
            .To("pairs", Produced.With(Strings, Strings));

        // KStreamImpl.doJoin repartitions each side (KStreamImpl.repartitionForJoin): the first draws 2-4 for its sink,
        // filter and source; the second draws 5-7 too but shares the first topic, its prefix being the same node name.
        // KStreamImplJoin then draws windowed 8 and 9, this 10, other 11, merge 12; the sink is 13.
        Assert.Equal(
            "Topologies:\n" +
            "   Sub-topology: 0\n" +
            "    Source: KSTREAM-SOURCE-0000000000 (topics: [events])\n" +
            "      --> KSTREAM-KEY-SELECT-0000000001\n" +
            "    Processor: KSTREAM-KEY-SELECT-0000000001 (stores: [])\n" +
            "      --> KSTREAM-FILTER-0000000003\n" +
            "      <-- KSTREAM-SOURCE-0000000000\n" +
            "    Processor: KSTREAM-FILTER-0000000003 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000002\n" +
            "      <-- KSTREAM-KEY-SELECT-0000000001\n" +
            "    Sink: KSTREAM-SINK-0000000002 (topic: KSTREAM-KEY-SELECT-0000000001-repartition)\n" +
            "      <-- KSTREAM-FILTER-0000000003\n\n" +
            "  Sub-topology: 1\n" +
            "    Source: KSTREAM-SOURCE-0000000004 (topics: [KSTREAM-KEY-SELECT-0000000001-repartition])\n" +
            "      --> KSTREAM-WINDOWED-0000000008, KSTREAM-WINDOWED-0000000009\n" +
            "    Processor: KSTREAM-WINDOWED-0000000008 (stores: [KSTREAM-JOINTHIS-0000000010-store])\n" +
            "      --> KSTREAM-JOINTHIS-0000000010\n" +
            "      <-- KSTREAM-SOURCE-0000000004\n" +
            "    Processor: KSTREAM-WINDOWED-0000000009 (stores: [KSTREAM-JOINOTHER-0000000011-store])\n" +
            "      --> KSTREAM-JOINOTHER-0000000011\n" +
            "      <-- KSTREAM-SOURCE-0000000004\n" +
            "    Processor: KSTREAM-JOINOTHER-0000000011 (stores: [KSTREAM-JOINTHIS-0000000010-store])\n" +
            "      --> KSTREAM-MERGE-0000000012\n" +
            "      <-- KSTREAM-WINDOWED-0000000009\n" +
            "    Processor: KSTREAM-JOINTHIS-0000000010 (stores: [KSTREAM-JOINOTHER-0000000011-store])\n" +
            "      --> KSTREAM-MERGE-0000000012\n" +
            "      <-- KSTREAM-WINDOWED-0000000008\n" +
            "    Processor: KSTREAM-MERGE-0000000012 (stores: [])\n" +
            "      --> KSTREAM-SINK-0000000013\n" +
            "      <-- KSTREAM-JOINTHIS-0000000010, KSTREAM-JOINOTHER-0000000011\n" +
            "    Sink: KSTREAM-SINK-0000000013 (topic: pairs)\n" +
            "      <-- KSTREAM-MERGE-0000000012\n\n",
            builder.Build().Describe().ToString());
    }
}
