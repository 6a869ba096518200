using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal;

/// <summary>Helpers for the byte-level stores' key arguments.</summary>
internal static class KeyBytes
{
    /// <summary>Serializes a prefix-scan prefix, as Kafka Streams does, without a topic.</summary>
    /// <exception cref="ArgumentNullException">The prefix, the serializer or the serialized prefix is null.</exception>
    public static byte[] SerializePrefix<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer)
    {
        if (prefix is null)
        {
            throw new ArgumentNullException(nameof(prefix));
        }

        ArgumentNullException.ThrowIfNull(prefixSerializer);
        return prefixSerializer.Serialize(prefix, new SerializationContext(MessageComponentType.Value, null))
            ?? throw new ArgumentNullException(nameof(prefix), "The prefix serializer returned null bytes.");
    }

    /// <summary>
    /// The smallest key greater than every key starting with <paramref name="prefix"/>: the prefix with its last
    /// byte below 0xFF incremented and the bytes after it dropped. Null when there is none (empty or all 0xFF).
    /// </summary>
    public static byte[]? NextPrefix(byte[] prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                var next = prefix.AsSpan(0, i + 1).ToArray();
                next[i]++;
                return next;
            }
        }

        return null;
    }

    /// <summary>True when a range's lower bound is above its upper bound, which makes the range empty.</summary>
    public static bool IsInvertedRange(byte[]? from, byte[]? to) =>
        from is not null && to is not null && ByteArrayComparer.Instance.Compare(from, to) > 0;
}
