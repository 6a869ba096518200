using StreamsApp.Contracts.Orders;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// The source of <c>orders.accepted</c>. The saga and the enrichment both read it, and a topic has one source per
/// topology, so an application running both creates this stream once and hands it to each.
/// </summary>
public static class AcceptedOrders
{
    /// <summary>The source node's name.</summary>
    public const string SourceNode = "orders-accepted-source";

    /// <summary>Adds the source of <c>orders.accepted</c> to <paramref name="builder"/>.</summary>
    /// <param name="builder">The application's builder.</param>
    /// <param name="serdes">The contract serdes.</param>
    public static IKStream<string, OrderCreated> Stream(StreamsBuilder builder, ContractSerdes serdes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        return builder.Stream(Topics.OrdersAccepted, Consumed.With(ContractSerdes.Key, serdes.Event<OrderCreated>()).WithName(SourceNode));
    }
}
