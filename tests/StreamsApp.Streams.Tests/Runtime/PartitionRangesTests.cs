using Confluent.Kafka;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

public sealed class PartitionRangesTests
{
    private static TopicPartition P(string topic, int partition) => new(topic, partition);

    [Fact]
    public void Partitions_are_grouped_by_topic_in_name_order_with_runs_as_ranges()
    {
        var text = new PartitionRanges([P("orders", 5), P("payments", 1), P("orders", 0), P("orders", 2), P("orders", 1), P("orders", 7), P("orders", 6)]).ToString();

        Assert.Equal("orders[0-2,5-7], payments[1]", text);
    }

    [Fact]
    public void A_partition_listed_twice_counts_once_and_none_says_none()
    {
        Assert.Equal("orders[3]", new PartitionRanges([P("orders", 3), P("orders", 3)]).ToString());
        Assert.Equal("none", new PartitionRanges([]).ToString());
    }
}
