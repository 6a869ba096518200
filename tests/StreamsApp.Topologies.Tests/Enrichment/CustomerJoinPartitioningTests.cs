using System.Text;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Topologies.Tests.Support.SampleReferenceData;

namespace StreamsApp.Topologies.Tests.Enrichment;

/// <summary>
/// Orders arrive keyed by order id, customers by customer id: with several partitions an order and its customer
/// are usually in different tasks, so only the repartition by customer id lets the join find the customer.
/// </summary>
public sealed class CustomerJoinPartitioningTests
{
    private static readonly string[] CustomerIds = ["c-1", "c-2", "c-3", "c-4"];

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(1, 3)]
    public void EveryOrderMeetsItsCustomerWhateverPartitionItArrivedOn(int orderPartitions, int customerPartitions)
    {
        var options = new TopologyTestDriverOptions
        {
            TopicPartitions = { [Topics.OrdersAccepted] = orderPartitions, [Topics.CustomerProfiles] = customerPartitions },
        };
        using var enrichment = new OrderEnrichmentDriver(options);
        foreach (var customerId in CustomerIds)
        {
            enrichment.Pipe(Customer(customerId, $"Name of {customerId}"));
        }

        var orders = Enumerable.Range(1, 12).Select(n => SampleOrders.Valid($"o-{n}", $"e-{n}", CustomerIds[n % CustomerIds.Length])).ToList();
        // Without this the test could pass with no repartitioning at all.
        Assert.Contains(orders, order => Partition(order.OrderId, orderPartitions) != Partition(order.CustomerId, customerPartitions));
        orders.ForEach(order => enrichment.Pipe(order));

        var enriched = enrichment.Enriched.ReadValuesToList();
        Assert.Equal(orders.Count, enriched.Count);
        Assert.All(enriched, order => Assert.Equal($"Name of {order.CustomerId}", order.CustomerName));
        Assert.Equal(orders.Select(order => order.OrderId).Order(), enriched.Select(order => order.OrderId).Order());
        Assert.Contains(OrderEnrichmentDriver.RepartitionTopic, enrichment.ProducedTopicNames);
    }

    [Fact]
    public void TheRepartitionTopicTakesTheCustomersPartitioningByCustomerId()
    {
        var options = new TopologyTestDriverOptions { TopicPartitions = { [Topics.OrdersAccepted] = 3, [Topics.CustomerProfiles] = 2 } };
        using var enrichment = new OrderEnrichmentDriver(options);
        var repartitioned = enrichment.Output(OrderEnrichmentDriver.RepartitionTopic);

        foreach (var customerId in CustomerIds)
        {
            enrichment.Pipe(SampleOrders.Valid($"o-{customerId}", $"e-{customerId}", customerId));
        }

        var records = repartitioned.ReadRecordsToList();
        Assert.Equal(CustomerIds, records.Select(record => record.Key).Order());
        Assert.All(records, record => Assert.Equal(Partition(record.Key, 2), record.Partition));
    }

    private static int Partition(string key, int partitions) => Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(key), partitions);
}
