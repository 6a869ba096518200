using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization;

/// <summary>
/// A serializer and deserializer pair for one type. The halves are Confluent.Kafka's own interfaces, so any
/// Confluent serializer (or ours, such as the Avro serdes) plugs in unchanged.
/// </summary>
/// <typeparam name="T">The type this serde reads and writes.</typeparam>
public interface ISerde<T>
{
    /// <summary>Turns a value into bytes; a null value becomes null bytes (a tombstone).</summary>
    ISerializer<T> Serializer { get; }

    /// <summary>Turns bytes back into a value; null bytes are handled as the serde documents.</summary>
    IDeserializer<T> Deserializer { get; }
}

/// <summary>A serde made of an existing serializer and deserializer.</summary>
/// <typeparam name="T">The type this serde reads and writes.</typeparam>
/// <param name="Serializer">The serializer.</param>
/// <param name="Deserializer">The deserializer.</param>
public sealed record Serde<T>(ISerializer<T> Serializer, IDeserializer<T> Deserializer) : ISerde<T>;
