using StreamsApp.Contracts.Shipping;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Participants.Shipping;

/// <summary>
/// The shipping participant: every <see cref="ScheduleShipment"/> on <c>shipping.commands</c> is answered on
/// <c>shipping.replies</c> (same key, the order id) with <see cref="ShipmentScheduled"/>, or
/// <see cref="ShipmentFailed"/> when <see cref="ShippingRules"/> refuses the address.
/// </summary>
public static class ShippingTopology
{
    /// <summary>Adds the participant to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder of the application's topology.</param>
    /// <param name="serdes">The contract serdes.</param>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        builder.Stream(Topics.ShippingCommands, Consumed.With(ContractSerdes.Key, serdes.Event<ShippingCommand>()))
            .ProcessValues(() => new ShipmentScheduler(), Named.As("shipping-scheduler"))
            .To(Topics.ShippingReplies, Produced.With(ContractSerdes.Key, serdes.Value<ShippingReply>()));
    }
}
