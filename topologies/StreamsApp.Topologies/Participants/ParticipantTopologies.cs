using StreamsApp.Contracts.Customers;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Participants.Inventory;
using StreamsApp.Topologies.Participants.Payments;
using StreamsApp.Topologies.Participants.Shipping;

namespace StreamsApp.Topologies.Participants;

/// <summary>
/// The three participants the order saga talks to, so that it runs end to end without external services
/// (Participants/README.md lists their rules).
/// </summary>
public static class ParticipantTopologies
{
    /// <summary>Adds the inventory, payment and shipping participants to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder of the application's topology.</param>
    /// <param name="serdes">The contract serdes.</param>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes) => Add(builder, serdes, PaymentTopology.AddTo);

    /// <summary>As <see cref="AddTo(StreamsBuilder, ContractSerdes)"/>, for an application that already reads <c>customers.profiles</c>.</summary>
    /// <param name="builder">The builder of the application's topology.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="customers">The customers table the payment participant joins.</param>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes, IKTable<string, Customer> customers) =>
        Add(builder, serdes, (b, s) => PaymentTopology.AddTo(b, s, customers));

    private static void Add(StreamsBuilder builder, ContractSerdes serdes, Action<StreamsBuilder, ContractSerdes> addPayment)
    {
        InventoryTopology.AddTo(builder, serdes);
        addPayment(builder, serdes);
        ShippingTopology.AddTo(builder, serdes);
    }
}
