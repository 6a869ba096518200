using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>Lets a value-type serde carry null: null maps to null bytes and back; anything else goes to the inner serde.</summary>
/// <typeparam name="T">The value type of the inner serde.</typeparam>
internal sealed class NullableSerde<T> : ISerde<T?>, ISerializer<T?>, IDeserializer<T?>
    where T : struct
{
    private readonly ISerializer<T> _serializer;
    private readonly IDeserializer<T> _deserializer;

    public NullableSerde(ISerde<T> inner)
    {
        _serializer = inner.Serializer;
        _deserializer = inner.Deserializer;
    }

    public ISerializer<T?> Serializer => this;

    public IDeserializer<T?> Deserializer => this;

    public byte[] Serialize(T? data, SerializationContext context) =>
        data.HasValue ? _serializer.Serialize(data.GetValueOrDefault(), context) : null!;

    public T? Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull ? null : _deserializer.Deserialize(data, isNull: false, context);
}
