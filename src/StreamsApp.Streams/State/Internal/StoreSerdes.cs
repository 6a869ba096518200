using Confluent.Kafka;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// A store's key and value serdes, bound to the topic name serdes see (the store's changelog topic, as in Kafka
/// Streams, so registry-backed serdes register a subject per store).
/// </summary>
internal sealed class StoreSerdes<TKey, TValue>(string topic, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
{
    private readonly SerializationContext _keyContext = new(MessageComponentType.Key, topic);
    private readonly SerializationContext _valueContext = new(MessageComponentType.Value, topic);

    public ISerde<TKey> KeySerde { get; } = keySerde;

    public ISerde<TValue> ValueSerde { get; } = valueSerde;

    public byte[] RawKey(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeySerde.Serializer.Serialize(key, _keyContext);
    }

    public byte[]? RawKeyOrNull(TKey? key) => key is null ? null : KeySerde.Serializer.Serialize(key, _keyContext);

    /// <summary>The value's bytes; null when the serde writes the value as null (a delete).</summary>
    public byte[]? RawValue(TValue value) => ValueSerde.Serializer.Serialize(value, _valueContext);

    public TKey KeyFrom(byte[] raw) => KeySerde.Deserializer.Deserialize(raw, false, _keyContext);

    public TValue ValueFrom(byte[] raw) => ValueSerde.Deserializer.Deserialize(raw, false, _valueContext);

    /// <summary>The change a cache flush reports, from its raw new and old values (null = none).</summary>
    public Change<TValue> ChangeFrom(byte[]? newValue, byte[]? oldValue) =>
        new(newValue is null ? default! : ValueFrom(newValue), newValue is not null, oldValue is null ? default! : ValueFrom(oldValue), oldValue is not null);
}
