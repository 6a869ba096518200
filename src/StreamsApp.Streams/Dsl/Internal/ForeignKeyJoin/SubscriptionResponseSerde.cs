using Confluent.Kafka;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// The response record's format (decision 0007): a version byte (0), a flags byte (1 = hash present, 2 = right
/// value present), the 16-byte hash when present, then the right value's bytes to the end.
/// </summary>
internal sealed class SubscriptionResponseSerde<TValue>(ISerde<TValue> valueSerde)
    : ISerde<SubscriptionResponse<TValue>>, ISerializer<SubscriptionResponse<TValue>>, IDeserializer<SubscriptionResponse<TValue>>
{
    private const int HeaderSize = 2;
    private const byte HasHash = 1;
    private const byte HasValue = 2;

    public ISerializer<SubscriptionResponse<TValue>> Serializer => this;

    public IDeserializer<SubscriptionResponse<TValue>> Deserializer => this;

    public byte[] Serialize(SubscriptionResponse<TValue> data, SerializationContext context)
    {
        var value = data.HasValue ? valueSerde.Serializer.Serialize(data.ForeignValue, context) : [];
        var hashSize = data.ValueHash is null ? 0 : ValueHash.Size;
        var result = new byte[HeaderSize + hashSize + value.Length];
        result[1] = (byte)((data.ValueHash is null ? 0 : HasHash) | (data.HasValue ? HasValue : 0));
        data.ValueHash?.CopyTo(result, HeaderSize);
        value.CopyTo(result, HeaderSize + hashSize);
        return result;
    }

    public SubscriptionResponse<TValue> Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull || data.Length < HeaderSize || data[0] != 0)
        {
            throw new ArgumentException("not a version-0 foreign-key response record", nameof(data));
        }

        var hashSize = (data[1] & HasHash) != 0 ? ValueHash.Size : 0;
        var hash = hashSize == 0 ? null : data.Slice(HeaderSize, hashSize).ToArray();
        var hasValue = (data[1] & HasValue) != 0;
        var value = hasValue ? valueSerde.Deserializer.Deserialize(data[(HeaderSize + hashSize)..], false, context) : default!;
        return new SubscriptionResponse<TValue>(hash, hasValue, value);
    }
}
