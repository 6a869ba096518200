using System.Text;
using Avro;
using Avro.Specific;
using Confluent.Kafka;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// A saga stuck compensating, on its way to <c>saga.DLT</c>: its state, told apart from the states bound for
/// <c>saga.state</c> by its type, with the reason in decision 0010's message header. It names no source topic, so a
/// DLT replay leaves it alone: it is for an operator to follow up (compensate by hand, then confirm).
/// </summary>
/// <param name="state">The saga's state when it gave up.</param>
internal sealed class SagaDeadLetter(SagaState state) : ISpecificRecord
{
    /// <summary>The exception-class header's value: what kind of failure this is.</summary>
    public const string Kind = "StreamsApp.Topologies.Saga.CompensationNotConfirmed";

    /// <summary>The saga's state when it gave up.</summary>
    public SagaState State { get; } = state;

    public Schema Schema => State.Schema;

    /// <summary>Adds the dead-letter headers that say why the saga is stuck.</summary>
    public static void AddReason(Headers headers, string reason)
    {
        headers.Add(DeadLetterHeaders.ExceptionClass, Encoding.UTF8.GetBytes(Kind));
        headers.Add(DeadLetterHeaders.ExceptionMessage, Encoding.UTF8.GetBytes(reason));
        headers.Add(DeadLetterHeaders.ProcessorNode, Encoding.UTF8.GetBytes(OrderSagaTopology.ProcessorName));
    }

    public object Get(int fieldPos) => State.Get(fieldPos)!;

    public void Put(int fieldPos, object fieldValue) => State.Put(fieldPos, fieldValue);
}
