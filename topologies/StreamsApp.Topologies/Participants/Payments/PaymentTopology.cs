using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Payments;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Participants.Payments;

/// <summary>
/// The payment participant: answers <see cref="ChargePayment"/> on <c>payments.commands</c> with
/// <see cref="PaymentCaptured"/> or <see cref="PaymentFailed"/> (by <see cref="CreditRules"/>) on
/// <c>payments.replies</c>, and applies <see cref="RefundPayment"/> once per order, confirmed with
/// <see cref="PaymentRefunded"/> on every request. Credit limits come
/// from the <c>customers.profiles</c> table.
/// </summary>
/// <remarks>
/// Commands are keyed by order id; they are repartitioned by customer id so that they meet the customer's profile
/// (co-partitioned with <c>customers.profiles</c>) and so that one task decides all charges of a customer in order.
/// </remarks>
public static class PaymentTopology
{
    /// <summary>
    /// Captured, unrefunded amounts per customer id, summed from <see cref="ChargeStore"/> on each task: in memory and
    /// not change-logged, since the charges are the record of what is spent.
    /// </summary>
    public const string SpentStore = "payments-spent";

    /// <summary>The decision on each order's charge, by order id (on the customer's task).</summary>
    public const string ChargeStore = "payments-charges";

    /// <summary>The participant's materialization of <c>customers.profiles</c>, when it reads the topic itself.</summary>
    public const string CustomerStore = "payments-customers";

    /// <summary>Adds the participant to <paramref name="builder"/>, reading <c>customers.profiles</c> into <see cref="CustomerStore"/>.</summary>
    /// <param name="builder">The builder of the application's topology.</param>
    /// <param name="serdes">The contract serdes.</param>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        AddTo(builder, serdes, builder.Table(
            Topics.CustomerProfiles,
            Consumed.With(ContractSerdes.Key, serdes.Value<Customer>()),
            Materialized.As<string, Customer>(CustomerStore)));
    }

    /// <summary>Adds the participant to <paramref name="builder"/>, joining a customers table the application already reads.</summary>
    /// <param name="builder">The builder of the application's topology.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="customers">
    /// The <c>customers.profiles</c> table: a topic can have only one source in a topology, and the enrichment joins
    /// it too.
    /// </param>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes, IKTable<string, Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        ArgumentNullException.ThrowIfNull(customers);
        builder.AddStateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore(SpentStore), ContractSerdes.Key, Serdes.Json<decimal>()).WithLoggingDisabled());
        builder.AddStateStore(Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(ChargeStore), ContractSerdes.Key, Serdes.Json<Charge>()));

        builder.Stream(Topics.PaymentCommands, Consumed.With(ContractSerdes.Key, serdes.Event<PaymentCommand>()))
            .SelectKey((_, command) => CustomerOf(command))
            .Repartition(Repartitioned.With(ContractSerdes.Key, serdes.Event<PaymentCommand>()).WithName("payments-by-customer"))
            .LeftJoin(customers, (command, customer) => new CustomerCommand(command, customer))
            .Process(() => new CreditLedger(), Named.As("payments-credit-ledger"), SpentStore, ChargeStore)
            .To(Topics.PaymentReplies, Produced.With(ContractSerdes.Key, serdes.Value<PaymentReply>()));
    }

    private static string CustomerOf(PaymentCommand command) => command.Message switch
    {
        ChargePayment charge => charge.CustomerId,
        RefundPayment refund => refund.CustomerId,
        var other => throw new InvalidOperationException($"payments.commands carries no {other?.GetType().Name}"),
    };
}
