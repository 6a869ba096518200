using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Mission;

/// <summary>The mission's external topics, to create before the application starts (internal topics are the runtime's).</summary>
public static class MissionTopics
{
    // Tables whose latest value per key is what counts: compacted, so they keep every key however old.
    private static readonly string[] Compacted =
        [Topics.CustomerProfiles, Topics.ProductCatalog, Topics.InventoryStock, Topics.SagaState];

    private static readonly string[] Streams =
    [
        Topics.OrderEvents, Topics.OrdersAccepted, Topics.OrdersEnriched,
        Topics.InventoryCommands, Topics.InventoryReplies,
        Topics.PaymentCommands, Topics.PaymentReplies,
        Topics.ShippingCommands, Topics.ShippingReplies,
        Topics.SagaEvents, Topics.SagaDeadLetter,
    ];

    /// <summary>
    /// Every external topic with <paramref name="partitions"/> partitions. One count for all keeps the topics that
    /// are joined by key (orders and the saga's replies, customers and the re-keyed orders) co-partitioned.
    /// </summary>
    /// <param name="partitions">Partitions per topic, at least 1.</param>
    public static IReadOnlyList<TopicDefinition> Definitions(int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var compact = new Dictionary<string, string> { ["cleanup.policy"] = "compact" };
        return
        [
            .. Streams.Select(name => new TopicDefinition(name, partitions)),
            .. Compacted.Select(name => new TopicDefinition(name, partitions, compact)),
        ];
    }
}
