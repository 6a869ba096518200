using Confluent.Kafka;
using Confluent.SchemaRegistry;
using StreamsApp.Contracts;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Shipping;
using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Saga;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>
/// The orchestrator in a TopologyTestDriver over the Avro serdes and an in-memory registry, with the inputs and
/// outputs of every topic it uses. Replies are piped as a participant would send them: a child span of the command.
/// </summary>
internal sealed class SagaHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    public const string ApplicationId = "saga-tests";

    private readonly TopologyTestDriver _driver;
    private readonly SagaOptions _options;

    /// <summary>Starts the orchestrator.</summary>
    /// <param name="registry">The registry; default: a fresh one. A restarted orchestrator needs the one its stores were written with.</param>
    /// <param name="stateDir">The state directory; default: a temporary one, deleted on dispose.</param>
    /// <param name="finishedSagaRetention">How long finished sagas are kept; default: <see cref="SagaOptions"/>' default.</param>
    /// <param name="compensationTimeout">How long compensations wait for their confirmation; default: <see cref="SagaOptions"/>' default.</param>
    /// <param name="maxCompensationAttempts">How often compensations are asked; default: <see cref="SagaOptions"/>' default.</param>
    public SagaHarness(
        ISchemaRegistryClient? registry = null, string? stateDir = null, TimeSpan? finishedSagaRetention = null,
        TimeSpan? compensationTimeout = null, int? maxCompensationAttempts = null)
    {
        var serdes = new ContractSerdes(registry ?? new InMemorySchemaRegistry());
        var builder = new StreamsBuilder();
        var options = _options = new SagaOptions
        {
            Timeout = Timeout,
            TimeoutScanInterval = TimeSpan.FromSeconds(1),
            FinishedSagaRetention = finishedSagaRetention ?? new SagaOptions().FinishedSagaRetention,
            CompensationTimeout = compensationTimeout ?? new SagaOptions().CompensationTimeout,
            MaxCompensationAttempts = maxCompensationAttempts ?? new SagaOptions().MaxCompensationAttempts,
        };
        OrderSagaTopology.AddTo(builder, serdes, options);
        var config = new StreamsConfig { ApplicationId = ApplicationId }.UseDeadLetterTopics();
        if (stateDir is not null)
        {
            config.StateDir = stateDir;
        }
        _driver = new TopologyTestDriver(builder.Build(), config, new TopologyTestDriverOptions { InitialWallClockTime = Start });

        Orders = _driver.CreateInputTopic(Topics.OrdersAccepted, ContractSerdes.Key, serdes.Value<OrderCreated>());
        InventoryReplies = _driver.CreateInputTopic(Topics.InventoryReplies, ContractSerdes.Key, serdes.Value<InventoryReply>());
        PaymentReplies = _driver.CreateInputTopic(Topics.PaymentReplies, ContractSerdes.Key, serdes.Value<PaymentReply>());
        ShippingReplies = _driver.CreateInputTopic(Topics.ShippingReplies, ContractSerdes.Key, serdes.Value<ShippingReply>());
        InventoryCommands = _driver.CreateOutputTopic(Topics.InventoryCommands, ContractSerdes.Key, serdes.Value<InventoryCommand>());
        PaymentCommands = _driver.CreateOutputTopic(Topics.PaymentCommands, ContractSerdes.Key, serdes.Value<PaymentCommand>());
        ShippingCommands = _driver.CreateOutputTopic(Topics.ShippingCommands, ContractSerdes.Key, serdes.Value<ShippingCommand>());
        Events = _driver.CreateOutputTopic(Topics.SagaEvents, ContractSerdes.Key, serdes.Value<SagaEvent>());
        States = _driver.CreateOutputTopic(Topics.SagaState, ContractSerdes.Key, serdes.Value<SagaState>());
        StuckSagas = _driver.CreateOutputTopic(Topics.SagaDeadLetter, ContractSerdes.Key, serdes.Value<SagaState>());
    }

    public TestInputTopic<string, OrderCreated> Orders { get; }

    public TestInputTopic<string, InventoryReply> InventoryReplies { get; }

    public TestInputTopic<string, PaymentReply> PaymentReplies { get; }

    public TestInputTopic<string, ShippingReply> ShippingReplies { get; }

    public TestOutputTopic<string, InventoryCommand> InventoryCommands { get; }

    public TestOutputTopic<string, PaymentCommand> PaymentCommands { get; }

    public TestOutputTopic<string, ShippingCommand> ShippingCommands { get; }

    public TestOutputTopic<string, SagaEvent> Events { get; }

    public TestOutputTopic<string, SagaState> States { get; }

    /// <summary>saga.DLT: sagas that gave up waiting for their compensations.</summary>
    public TestOutputTopic<string, SagaState> StuckSagas { get; }

    public IKeyValueStore<string, SagaState> Store => _driver.GetKeyValueStore<string, SagaState>(SagaStores.State);

    public IKeyValueStore<string, SagaTrace> Traces => _driver.GetKeyValueStore<string, SagaTrace>(SagaStores.Trace);

    /// <summary>The schedule store, as the orchestrator reads it.</summary>
    public SagaSchedule Schedule => new(ScheduleStore, _options.FinishedSagaRetention);

    public IKeyValueStore<byte[], byte[]> ScheduleStore => _driver.GetKeyValueStore<byte[], byte[]>(SagaStores.Schedule);

    /// <summary>Places the sample order (25.50 EUR for c-1) with a new trace, as the order service would; returns it with its headers.</summary>
    public Sent<OrderCreated> PlaceOrder(string orderId = "o-1")
    {
        var order = SampleOrders.Valid(orderId, eventId: "evt-" + orderId);
        var headers = TraceHeaders.Start(orderId).ToHeaders();
        Orders.PipeInput(new TestRecord<string, OrderCreated>(orderId, order, Headers: headers));
        return new(orderId, order, headers);
    }

    public Sent<IInventoryCommand> ReadInventoryCommand() => Sent<IInventoryCommand>.Of(InventoryCommands.ReadRecord(), c => c.Message!);

    public Sent<IPaymentCommand> ReadPaymentCommand() => Sent<IPaymentCommand>.Of(PaymentCommands.ReadRecord(), c => c.Message!);

    public Sent<IShippingCommand> ReadShippingCommand() => Sent<IShippingCommand>.Of(ShippingCommands.ReadRecord(), c => c.Message!);

    public Sent<ISagaEvent> ReadEvent() => Sent<ISagaEvent>.Of(Events.ReadRecord(), e => e.Message!);

    /// <summary>The headers of the saga.state records not read yet.</summary>
    public Headers[] ReadStateHeaders() => [.. States.ReadRecordsToList().Select(record => record.Headers!)];

    public IReadOnlyList<SagaStatus> ReadStatuses() => [.. States.ReadValuesToList().Select(state => state.Status)];

    /// <summary>
    /// Sends a reply to <paramref name="command"/> as its participant would: same key, a child span of the command.
    /// Returns the reply's trace headers.
    /// </summary>
    public TraceHeaders Reply<TCommand>(Sent<TCommand> command, IInventoryReply reply) =>
        Pipe(InventoryReplies, command, new InventoryReply { Message = reply });

    /// <inheritdoc cref="Reply{TCommand}(Sent{TCommand}, IInventoryReply)"/>
    public TraceHeaders Reply<TCommand>(Sent<TCommand> command, IPaymentReply reply) =>
        Pipe(PaymentReplies, command, new PaymentReply { Message = reply });

    /// <inheritdoc cref="Reply{TCommand}(Sent{TCommand}, IInventoryReply)"/>
    public TraceHeaders Reply<TCommand>(Sent<TCommand> command, IShippingReply reply) =>
        Pipe(ShippingReplies, command, new ShippingReply { Message = reply });

    private static TraceHeaders Pipe<TCommand, TReply>(TestInputTopic<string, TReply> replies, Sent<TCommand> command, TReply reply)
    {
        var headers = command.ReplyHeaders();
        replies.PipeInput(new TestRecord<string, TReply>(command.Key, reply, Headers: headers));
        return TraceHeaders.Read(headers)!;
    }

    public TestOutputTopic<byte[], byte[]> DeadLetters(string topic) =>
        _driver.CreateOutputTopic(Topics.DeadLetter(topic), Serdes.ByteArray(), Serdes.ByteArray());

    public void AdvanceWallClockTime(TimeSpan advance) => _driver.AdvanceWallClockTime(advance);

    /// <summary>True when no topic the orchestrator writes has anything left to read.</summary>
    public bool NothingMoreSent =>
        InventoryCommands.IsEmpty && PaymentCommands.IsEmpty && ShippingCommands.IsEmpty && Events.IsEmpty && States.IsEmpty && StuckSagas.IsEmpty;

    public void Dispose() => _driver.Dispose();
}

/// <summary>A message read from (or piped into) a topic, with its key and headers.</summary>
internal sealed record Sent<TMessage>(string Key, TMessage Message, Headers Headers)
{
    public TraceHeaders Trace => TraceHeaders.Read(Headers) ?? throw new InvalidOperationException("no trace headers");

    /// <summary>The id the messages it causes name as their causation id.</summary>
    public string CausationId => Message switch
    {
        ISagaMessage message => message.MessageId,
        OrderCreated order => order.EventId,
        _ => throw new InvalidOperationException($"{typeof(TMessage).Name} has no id"),
    };

    public Headers ReplyHeaders() => Trace.Child(CausationId).ToHeaders();

    public static Sent<TMessage> Of<TEnvelope>(TestRecord<string, TEnvelope> record, Func<TEnvelope, TMessage> unwrap) =>
        new(record.Key, unwrap(record.Value), record.Headers ?? throw new InvalidOperationException("no headers"));
}
