using Confluent.Kafka;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// The subscription record's format (decision 0007): a version byte (0), the instruction byte, a flags byte (1 =
/// hash present), the 16-byte hash when present, then the left key's bytes to the end.
/// </summary>
internal sealed class SubscriptionWrapperSerde<TKey>(ISerde<TKey> keySerde)
    : ISerde<SubscriptionWrapper<TKey>>, ISerializer<SubscriptionWrapper<TKey>>, IDeserializer<SubscriptionWrapper<TKey>>
{
    private const int HeaderSize = 3;

    public ISerializer<SubscriptionWrapper<TKey>> Serializer => this;

    public IDeserializer<SubscriptionWrapper<TKey>> Deserializer => this;

    public byte[] Serialize(SubscriptionWrapper<TKey> data, SerializationContext context)
    {
        var key = keySerde.Serializer.Serialize(data.PrimaryKey, context);
        var hashSize = data.ValueHash is null ? 0 : ValueHash.Size;
        var result = new byte[HeaderSize + hashSize + key.Length];
        result[1] = (byte)data.Instruction;
        result[2] = (byte)(data.ValueHash is null ? 0 : 1);
        data.ValueHash?.CopyTo(result, HeaderSize);
        key.CopyTo(result, HeaderSize + hashSize);
        return result;
    }

    public SubscriptionWrapper<TKey> Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull || data.Length < HeaderSize || data[0] != 0)
        {
            throw new ArgumentException("not a version-0 foreign-key subscription record", nameof(data));
        }

        var hashSize = data[2] == 1 ? ValueHash.Size : 0;
        var hash = hashSize == 0 ? null : data.Slice(HeaderSize, hashSize).ToArray();
        var key = keySerde.Deserializer.Deserialize(data[(HeaderSize + hashSize)..], false, context);
        return new SubscriptionWrapper<TKey>(hash, (SubscriptionInstruction)data[1], key);
    }
}
