using Confluent.Kafka;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>Writes the inner key's bytes followed by a fixed-size window suffix, and reads them back.</summary>
internal sealed class WindowedSerde<TKey>(
    ISerde<TKey> inner,
    int suffixSize,
    WindowedSerde<TKey>.WriteSuffix writeSuffix,
    WindowedSerde<TKey>.ReadSuffix readSuffix)
    : ISerde<Windowed<TKey>>, ISerializer<Windowed<TKey>>, IDeserializer<Windowed<TKey>>
{
    public delegate void WriteSuffix(Window window, Span<byte> suffix);

    public delegate Window ReadSuffix(ReadOnlySpan<byte> suffix);

    public ISerializer<Windowed<TKey>> Serializer => this;

    public IDeserializer<Windowed<TKey>> Deserializer => this;

    public byte[] Serialize(Windowed<TKey> data, SerializationContext context)
    {
        // A null windowed key is written as null, as Kafka's windowed serializers do.
        if (data is null)
        {
            return null!;
        }

        var key = inner.Serializer.Serialize(data.Key, context)
            ?? throw new ArgumentException("The inner serializer wrote a windowed key as null", nameof(data));
        var result = new byte[key.Length + suffixSize];
        key.CopyTo(result, 0);
        writeSuffix(data.Window, result.AsSpan(key.Length));
        return result;
    }

    public Windowed<TKey> Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull)
        {
            return null!;
        }

        if (data.Length < suffixSize)
        {
            throw new ArgumentException($"A windowed key needs at least {suffixSize} bytes, got {data.Length}", nameof(data));
        }

        var key = inner.Deserializer.Deserialize(data[..^suffixSize], false, context);
        return new Windowed<TKey>(key, readSuffix(data[^suffixSize..]));
    }
}
