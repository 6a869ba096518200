namespace StreamsApp.Streams.Processing;

/// <summary>
/// Kafka's default partitioner for keyed records: murmur2 of the key bytes, made positive, modulo the partition
/// count. Java producers and this engine agree on it, so a key's partition (and owner) can be computed anywhere.
/// </summary>
public static class Murmur2Partitioner
{
    /// <summary>The partition of a serialized key.</summary>
    /// <param name="key">The serialized key.</param>
    /// <param name="partitionCount">The topic's partition count.</param>
    public static int Partition(ReadOnlySpan<byte> key, int partitionCount) =>
        (Murmur2(key) & 0x7fffffff) % partitionCount;

    /// <summary>Kafka's murmur2 hash (seed 0x9747b28c), bit for bit as <c>org.apache.kafka.common.utils.Utils.murmur2</c>.</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        const uint seed = 0x9747b28c;
        const uint m = 0x5bd1e995;
        const int r = 24;
        var length = data.Length;
        var h = seed ^ (uint)length;
        var length4 = length / 4;
        for (var i = 0; i < length4; i++)
        {
            var i4 = i * 4;
            var k = data[i4] | ((uint)data[i4 + 1] << 8) | ((uint)data[i4 + 2] << 16) | ((uint)data[i4 + 3] << 24);
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }

        var tail = length & ~3;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)data[tail + 2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)data[tail + 1] << 8;
                goto case 1;
            case 1:
                h ^= data[tail];
                h *= m;
                break;
        }

        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return (int)h;
    }
}
