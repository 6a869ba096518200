using Avro.Specific;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Shipping;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Orders;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// The order saga orchestrator (seed 004): reads the accepted orders (<c>orders.accepted</c>, validated and
/// deduplicated by the order intake) and the participants' replies, all keyed by order id (the
/// saga and correlation id, so the topics must be co-partitioned), keeps each saga's state in RocksDB, and writes
/// commands to <c>{domain}.commands</c>, outcomes to <c>saga.events</c> and every state to <c>saga.state</c>.
/// </summary>
/// <remarks>
/// <para>
/// A transition publishes every state it passes through to <c>saga.state</c> (a failure after a completed step goes
/// COMPENSATING then FAILED, a shipment SHIPPED then COMPLETED). A compensating saga is FAILED once the participants
/// confirmed each compensation (StockReleased, PaymentRefunded); unconfirmed ones are asked again with backoff, and a
/// saga that runs out of attempts stays COMPENSATING and goes to <c>saga.DLT</c> (<see cref="SagaDeadLetter"/>). A timed-out saga emits SagaTimedOut, then its
/// compensations and SagaFailed, so consumers that count failures see every failed saga once.
/// </para>
/// <para>
/// A reply for an unknown saga is rejected (<see cref="UnknownSagaException"/>); an application that applies
/// <see cref="DeadLetterConfig.UseDeadLetterTopics"/> to its configuration sends it to its topic's DLT.
/// </para>
/// <para>
/// Finished sagas are purged from the stores <see cref="SagaOptions.FinishedSagaRetention"/> after their last
/// change, by the same wall-clock punctuator, which reads only the sagas due (<see cref="SagaSchedule"/>). The purge is not published: <c>saga.state</c> gets no tombstone, so
/// the topic (compacted) and the projections keep every saga's final state, and the saga statistics' counts of
/// COMPLETED and FAILED sagas do not drop when the orchestrator forgets them (the projections ignore tombstones
/// anyway). A reply or re-sent order for a purged saga is then treated as for a saga never seen.
/// </para>
/// </remarks>
public static class OrderSagaTopology
{
    /// <summary>The name of the orchestrator's processor node.</summary>
    public const string ProcessorName = "order-saga";

    /// <summary>Adds the orchestrator, with its own source of <c>orders.accepted</c>, to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder of the application's topology.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="options">Timeout, scan interval and finished-saga retention; default: <see cref="SagaOptions"/>' defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (<see cref="SagaOptions.Validate"/>).</exception>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes, SagaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        AddTo(builder, serdes, AcceptedOrders.Stream(builder, serdes), options);
    }

    /// <summary>Adds the orchestrator of <paramref name="acceptedOrders"/> to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder of the application's topology.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="acceptedOrders">The application's stream of <c>orders.accepted</c> (<see cref="AcceptedOrders"/>).</param>
    /// <param name="options">Timeout, scan interval and finished-saga retention; default: <see cref="SagaOptions"/>' defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (<see cref="SagaOptions.Validate"/>).</exception>
    public static void AddTo(
        StreamsBuilder builder, ContractSerdes serdes, IKStream<string, OrderCreated> acceptedOrders, SagaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        ArgumentNullException.ThrowIfNull(acceptedOrders);
        options ??= new SagaOptions();
        options.Validate();
        builder.AddStateStore(SagaStores.StateStore(serdes));
        builder.AddStateStore(SagaStores.TraceStore());
        builder.AddStateStore(SagaStores.ScheduleStore());

        var inputs = acceptedOrders.MapValues(order => (ISpecificRecord?)order)
            .Merge(Read<InventoryReply>(builder, serdes, Topics.InventoryReplies, reply => reply.Message))
            .Merge(Read<PaymentReply>(builder, serdes, Topics.PaymentReplies, reply => reply.Message))
            .Merge(Read<ShippingReply>(builder, serdes, Topics.ShippingReplies, reply => reply.Message));
        var outputs = inputs.Process(() => new OrderSagaProcessor(options), Named.As(ProcessorName), SagaStores.State, SagaStores.Trace, SagaStores.Schedule);

        Write<InventoryCommand>(outputs, serdes, Topics.InventoryCommands);
        Write<PaymentCommand>(outputs, serdes, Topics.PaymentCommands);
        Write<ShippingCommand>(outputs, serdes, Topics.ShippingCommands);
        Write<SagaEvent>(outputs, serdes, Topics.SagaEvents);
        Write<SagaState>(outputs, serdes, Topics.SagaState);
        outputs.Filter((_, value) => value is SagaDeadLetter)
            .MapValues(value => ((SagaDeadLetter)value).State)
            .To(Topics.SagaDeadLetter, Produced.With(ContractSerdes.Key, serdes.Value<SagaState>()));
    }

    /// <summary>A topic's records as what the orchestrator acts on: the order, or the reply inside an envelope.</summary>
    private static IKStream<string, ISpecificRecord?> Read<T>(
        StreamsBuilder builder, ContractSerdes serdes, string topic, Func<T, object?> unwrap)
        where T : class =>
        builder.Stream(topic, Consumed.With(ContractSerdes.Key, serdes.Value<T>()))
            .MapValues(value => value is null ? null : (ISpecificRecord?)unwrap(value));

    /// <summary>Routes the orchestrator's records of one type to the topic that carries that type.</summary>
    private static void Write<T>(IKStream<string, ISpecificRecord> outputs, ContractSerdes serdes, string topic)
        where T : class, ISpecificRecord =>
        outputs.Filter((_, value) => value is T)
            .MapValues(value => (T)value)
            .To(topic, Produced.With(ContractSerdes.Key, serdes.Value<T>()));
}
