using System.Buffers.Binary;
using Confluent.Kafka;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.StreamJoins;

/// <summary>
/// Serdes of the shared outer-join store. A key is [timestamp, 8 bytes big-endian][side, 1 byte][key bytes]: record
/// timestamps are not negative, so byte order is time order. A value is [side, 1 byte][that side's value bytes].
/// </summary>
internal static class OuterJoinSerdes
{
    public static ISerde<TimestampedKeyAndJoinSide<TKey>> Key<TKey>(ISerde<TKey> keySerde) =>
        new Serde<TimestampedKeyAndJoinSide<TKey>>(
            new Writer<TimestampedKeyAndJoinSide<TKey>>((key, context) =>
                Prefixed(9, keySerde.Serializer.Serialize(key.Key, context), prefix =>
                {
                    BinaryPrimitives.WriteInt64BigEndian(prefix, key.Timestamp);
                    prefix[8] = key.LeftSide ? (byte)1 : (byte)0;
                })),
            new Reader<TimestampedKeyAndJoinSide<TKey>>((data, context) => new(
                BinaryPrimitives.ReadInt64BigEndian(data), data[8] == 1, keySerde.Deserializer.Deserialize(data[9..], false, context))));

    public static ISerde<LeftOrRightValue<TLeft, TRight>> Value<TLeft, TRight>(ISerde<TLeft> leftSerde, ISerde<TRight> rightSerde) =>
        new Serde<LeftOrRightValue<TLeft, TRight>>(
            new Writer<LeftOrRightValue<TLeft, TRight>>((value, context) => Prefixed(
                1,
                value.IsLeft ? leftSerde.Serializer.Serialize(value.Left, context) : rightSerde.Serializer.Serialize(value.Right, context),
                prefix => prefix[0] = value.IsLeft ? (byte)1 : (byte)0)),
            new Reader<LeftOrRightValue<TLeft, TRight>>((data, context) => data[0] == 1
                ? LeftOrRightValue<TLeft, TRight>.OfLeft(leftSerde.Deserializer.Deserialize(data[1..], false, context))
                : LeftOrRightValue<TLeft, TRight>.OfRight(rightSerde.Deserializer.Deserialize(data[1..], false, context))));

    private static byte[] Prefixed(int prefixSize, byte[] payload, Action<Span<byte>> writePrefix)
    {
        // Join inputs never hold null keys or values (they are dropped first), so the payload is never null.
        var result = new byte[prefixSize + payload.Length];
        writePrefix(result.AsSpan(0, prefixSize));
        payload.CopyTo(result, prefixSize);
        return result;
    }

    private delegate T ReadSpan<T>(ReadOnlySpan<byte> data, SerializationContext context);

    private sealed class Writer<T>(Func<T, SerializationContext, byte[]> write) : ISerializer<T>
    {
        public byte[] Serialize(T data, SerializationContext context) => write(data, context);
    }

    private sealed class Reader<T>(ReadSpan<T> read) : IDeserializer<T>
    {
        public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) => read(data, context);
    }
}
