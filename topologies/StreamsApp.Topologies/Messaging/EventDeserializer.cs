using Confluent.Kafka;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Topologies.Messaging;

/// <summary>
/// Reads the value of an event, command or reply topic, where every record must carry one: a record without a value
/// is bad input (tombstones belong to tables), so it fails to deserialize and the deserialization handler
/// dead-letters it (decision 0010), rather than reaching a processor that would fail on it and stop the task.
/// </summary>
/// <typeparam name="T">The contract type.</typeparam>
/// <param name="inner">Reads a value that is present.</param>
internal sealed class EventDeserializer<T>(IDeserializer<T> inner) : IDeserializer<T>
    where T : class
{
    public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull
            ? throw new SerdeException(
                $"A record of topic '{context.Topic}' has no value: an event, command or reply must carry a {typeof(T).Name}",
                context.Topic, MessageComponentType.Value, typeof(T))
            : inner.Deserialize(data, isNull, context);
}
