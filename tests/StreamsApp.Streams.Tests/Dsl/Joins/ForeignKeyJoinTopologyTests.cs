using Confluent.Kafka;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// Foreign-key joins' wiring: Kafka Streams' node, topic and store names, and the left side's staleness check on
/// responses (exercised by writing responses into the response topic directly, since the test driver always
/// completes a round trip before the next input).
/// </summary>
public class ForeignKeyJoinTopologyTests
{
    [Fact]
    public void Generated_names_follow_kafka_streams()
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin: false);
        f.Products.PipeInput("p1", "apple");
        f.Orders.PipeInput("o1", "p1:1");

        var description = f.Topology.Describe().ToString();

        Assert.Contains(
            "Processor: KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000007 (stores: [])\n      --> KTABLE-SINK-0000000008", description);
        Assert.Contains("Sink: KTABLE-SINK-0000000008 (topic: KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic)", description);
        Assert.Contains(
            "Processor: KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-0000000011 (stores: [KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010, products-STATE-STORE-0000000003])",
            description);
        Assert.Contains(
            "Processor: KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-0000000013 (stores: [KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010])\n      --> KTABLE-SINK-0000000015\n      <-- KTABLE-SOURCE-0000000005",
            description);
        Assert.Contains("Sink: KTABLE-SINK-0000000015 (topic: KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic)", description);
        Assert.Contains(
            "Processor: KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-0000000017 (stores: [orders-STATE-STORE-0000000000])\n      --> KTABLE-FK-JOIN-OUTPUT-0000000018",
            description);
        Assert.Contains("test-driver-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic", f.Driver.ProducedTopicNames);
        Assert.Contains("test-driver-KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic", f.Driver.ProducedTopicNames);
        Assert.Contains("test-driver-KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010-changelog", f.Driver.ProducedTopicNames);
    }

    [Fact]
    public void Named_join_names_its_nodes_topics_and_store_after_the_name()
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin: true, named: Named.As("fk"));
        f.Orders.PipeInput("o1", "p1:1");

        var description = f.Topology.Describe().ToString();

        Assert.Contains("Sink: fk-subscription-registration-sink (topic: fk-subscription-registration-topic)", description);
        Assert.Contains("Source: fk-subscription-registration-source (topics: [fk-subscription-registration-topic])", description);
        Assert.Contains("Processor: fk-subscription-receive (stores: [fk-subscription-store, products-STATE-STORE-0000000003])", description);
        Assert.Contains("Processor: fk-foreign-join-subscription (stores: [fk-subscription-store])", description);
        Assert.Contains("Sink: fk-subscription-response-sink (topic: fk-subscription-response-topic)", description);
        Assert.Contains("Processor: fk-subscription-response-resolver (stores: [orders-STATE-STORE-0000000000])\n      --> fk-result", description);
        Assert.Contains("<-- fk-subscription-response-resolver, fk-null-foreign-key", description);
        Assert.Equal(
            ["test-driver-fk-subscription-registration-topic", "test-driver-fk-subscription-response-topic", "test-driver-fk-subscription-store-changelog"],
            f.Driver.ProducedTopicNames.Where(t => t.StartsWith("test-driver-fk-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Response_for_a_value_the_left_row_no_longer_has_is_dropped()
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin: false, named: Named.As("fk"));
        f.Products.PipeInput("p1", "apple");
        f.Orders.PipeInput("o1", "p1:1");
        f.Orders.PipeInput("o1", "p1:2");
        f.Output.ReadRecordsToList();
        var responses = f.Driver.CreateInputTopic(
            "test-driver-fk-subscription-response-topic", Serdes.String(), new SubscriptionResponseSerde<string>(Serdes.String()));

        responses.PipeInput("o1", Response("p1:1", "stale apple"));
        var afterStale = f.Output.ReadRecordsToList();
        responses.PipeInput("o1", Response("p1:2", "fresh apple"));

        Assert.Empty(afterStale);
        Assert.Equal("p1:2+fresh apple", f.Output.ReadValue());
    }

    [Fact]
    public void Response_for_a_deleted_left_row_is_dropped_unless_it_answers_the_delete()
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin: true, named: Named.As("fk"));
        f.Products.PipeInput("p1", "apple");
        f.Orders.PipeInput("o1", "p1:1");
        f.Orders.PipeInput("o1", null!);
        f.Output.ReadRecordsToList();
        var responses = f.Driver.CreateInputTopic(
            "test-driver-fk-subscription-response-topic", Serdes.String(), new SubscriptionResponseSerde<string>(Serdes.String()));

        responses.PipeInput("o1", Response("p1:1", "apple"));
        var afterStale = f.Output.ReadRecordsToList();
        responses.PipeInput("o1", new SubscriptionResponse<string>(null, false, null!));

        Assert.Empty(afterStale);
        Assert.Null(f.Output.ReadValue());
    }

    [Fact]
    public void Subscription_topic_takes_the_right_sides_partition_count_and_response_topic_the_lefts()
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin: false, orderPartitions: 3, productPartitions: 2, named: Named.As("fk"));

        var (topics, _) = PartitionCountResolver.Resolve(
            f.Topology.Builder, "app", topic => topic switch { "orders" => 3, "products" => 2, _ => throw new ArgumentException(topic) });

        Assert.Equal(2, topics["app-fk-subscription-registration-topic"]);
        Assert.Equal(3, topics["app-fk-subscription-response-topic"]);
    }

    private static SubscriptionResponse<string> Response(string forLeftValue, string rightValue) =>
        new(ValueHash.Of(Serdes.String().Serializer.Serialize(forLeftValue, SerializationContext.Empty)), true, rightValue);
}
