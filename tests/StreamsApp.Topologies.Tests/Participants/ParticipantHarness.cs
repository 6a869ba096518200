using System.Text;
using Confluent.Kafka;
using StreamsApp.Contracts;
using StreamsApp.Streams;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Tests.Participants;

/// <summary>A participant's topology in a TopologyTestDriver, with Avro serdes over an in-memory registry.</summary>
internal sealed class ParticipantHarness : IDisposable
{
    /// <param name="addParticipant">Adds the participant's topology.</param>
    /// <param name="options">The driver's options.</param>
    /// <param name="stateDir">
    /// The state directory, for a harness restarted on the stores of the one before (with its <paramref name="registry"/>);
    /// default: a temporary one.
    /// </param>
    /// <param name="registry">The schema registry; default: a new one.</param>
    public ParticipantHarness(
        Action<StreamsBuilder, ContractSerdes> addParticipant,
        TopologyTestDriverOptions? options = null,
        string? stateDir = null,
        InMemorySchemaRegistry? registry = null)
    {
        Serdes = new ContractSerdes(registry ?? new InMemorySchemaRegistry());
        var builder = new StreamsBuilder();
        addParticipant(builder, Serdes);
        var config = stateDir is null ? null : new StreamsConfig { ApplicationId = "participant-test", StateDir = stateDir };
        Driver = new TopologyTestDriver(builder.Build(), config, options);
    }

    public ContractSerdes Serdes { get; }

    public TopologyTestDriver Driver { get; }

    public TestInputTopic<string, T> Input<T>(string topic)
        where T : class => Driver.CreateInputTopic(topic, ContractSerdes.Key, Serdes.Value<T>());

    public TestOutputTopic<string, T> Output<T>(string topic)
        where T : class => Driver.CreateOutputTopic(topic, ContractSerdes.Key, Serdes.Value<T>());

    /// <summary>Sends a command as the orchestrator does: keyed by order id, with trace headers.</summary>
    public static void Send<TEnvelope>(TestInputTopic<string, TEnvelope> topic, string orderId, TEnvelope command, TraceHeaders? trace = null) =>
        topic.PipeInput(new TestRecord<string, TEnvelope>(orderId, command, Headers: (trace ?? CommandTrace(orderId)).ToHeaders()));

    /// <summary>Headers of a traced command: what the orchestrator would send.</summary>
    public static TraceHeaders CommandTrace(string orderId) => TraceHeaders.Start(orderId).Child("order-event-" + orderId);

    /// <summary>
    /// Two order ids whose commands land on different partitions of a two-partition command topic (murmur2 of the
    /// key, as the orchestrator's producer partitions them), so different tasks handle them.
    /// </summary>
    public static (string First, string Second) OrdersOnDifferentPartitions()
    {
        static int PartitionOf(string orderId) => Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(orderId), 2);
        var orders = Enumerable.Range(0, 10).Select(i => "o-" + i).ToList();
        return (orders[0], orders.First(order => PartitionOf(order) != PartitionOf(orders[0])));
    }

    /// <summary>Fills the saga fields of a command.</summary>
    public static T Command<T>(T command, string orderId, string messageId)
        where T : ISagaMessage
    {
        command.OrderId = orderId;
        command.SagaId = "saga-" + orderId;
        command.MessageId = messageId;
        command.Timestamp = DateTimeOffset.UnixEpoch;
        return command;
    }

    /// <summary>Asserts the reply is a child span of the command and names it as its cause.</summary>
    public static void AssertAnswers(TraceHeaders command, string commandMessageId, Headers? replyHeaders)
    {
        var reply = TraceHeaders.Read(replyHeaders);
        Assert.NotNull(reply);
        Assert.Equal(command.TraceId, reply.TraceId);
        Assert.Equal(command.SpanId, reply.ParentSpanId);
        Assert.NotEqual(command.SpanId, reply.SpanId);
        Assert.Equal(command.CorrelationId, reply.CorrelationId);
        Assert.Equal(commandMessageId, reply.CausationId);
    }

    public void Dispose() => Driver.Dispose();
}
