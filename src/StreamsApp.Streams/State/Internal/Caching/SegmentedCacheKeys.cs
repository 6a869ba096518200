using System.Buffers.Binary;
using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// The cache keys of a segmented (window or session) store, as Kafka Streams' <c>SegmentedCacheFunction</c>: the
/// store key's segment id (8 big-endian bytes, sign bit flipped so that bytes order as numbers) followed by the store
/// key. Sorted by bytes they follow the segmented store's scan order (segment by segment, store key within one), so
/// the cache and the store merge in one pass. Cached reads see every cached entry, also of times the store below has
/// expired, as Kafka Streams' caching stores do: a session aggregation merges a session its cache still holds.
/// </summary>
internal sealed class SegmentedCacheKeys(SegmentedKeySchema schema, long segmentIntervalMs)
{
    private const int PrefixSize = sizeof(long);
    private static readonly byte[] MaxSuffix = [.. Enumerable.Repeat((byte)0xFF, 16)];

    /// <summary>The cache key of a store key.</summary>
    public byte[] CacheKey(ReadOnlySpan<byte> storeKey)
    {
        var result = new byte[PrefixSize + storeKey.Length];
        WritePrefix(result, SegmentId(schema.SegmentTimestamp(storeKey)));
        storeKey.CopyTo(result.AsSpan(PrefixSize));
        return result;
    }

    /// <summary>The store key within a cache key.</summary>
    public static ReadOnlySpan<byte> StoreKey(byte[] cacheKey) => cacheKey.AsSpan(PrefixSize);

    /// <summary>
    /// The cached entries (deletes included) of keys from <paramref name="keyFrom"/> to <paramref name="keyTo"/>
    /// (inclusive; null is open) whose times match <paramref name="timeFrom"/>..<paramref name="timeTo"/> in the
    /// schema's sense, sorted by cache key. Only the segments the cache holds are read, and within
    /// each only the cache keys that can hold a match (a single key's, or the segment's from <paramref name="keyFrom"/>).
    /// </summary>
    public List<CacheEntry> Fetch<TKey>(StoreCache<TKey> cache, byte[]? keyFrom, byte[]? keyTo, long timeFrom, long timeTo)
    {
        var (segmentFrom, segmentTo) = schema.SegmentTimeRange(timeFrom, timeTo);
        var lastSegment = SegmentId(segmentTo);
        var singleKey = keyFrom is not null && keyTo is not null && ByteArrayComparer.Instance.Equals(keyFrom, keyTo);
        var entries = new List<CacheEntry>();
        for (var segment = SegmentId(segmentFrom); segment <= lastSegment;)
        {
            var upper = singleKey ? Bound(segment, keyTo, MaxSuffix) : segment < long.MaxValue ? Bound(segment + 1, null, null) : null;
            foreach (var entry in cache.Range(Bound(segment, keyFrom, null), upper))
            {
                if (schema.Matches(StoreKey(entry.Key), keyFrom, keyTo, timeFrom, timeTo))
                {
                    entries.Add(entry);
                }
            }

            if (segment == lastSegment || cache.FirstKeyFrom(Bound(segment + 1, null, null)) is not { } next)
            {
                break;
            }

            segment = ReadSegmentId(next);
        }

        return entries;
    }

    /// <summary>
    /// The cache key of a segment followed by <paramref name="key"/> and <paramref name="suffix"/>: with the key and no
    /// suffix, no larger than any store key of that key; with <see cref="MaxSuffix"/>, no smaller than any (store keys
    /// add at most 16 bytes of times and sequence number to the key); with neither, the segment's first cache key.
    /// </summary>
    private static byte[] Bound(long segmentId, byte[]? key, byte[]? suffix)
    {
        var bound = new byte[PrefixSize + (key?.Length ?? 0) + (suffix?.Length ?? 0)];
        WritePrefix(bound, segmentId);
        key?.CopyTo(bound, PrefixSize);
        suffix?.CopyTo(bound, PrefixSize + key!.Length);
        return bound;
    }

    private long SegmentId(long timestamp) => Segments.SegmentId(timestamp, segmentIntervalMs);

    private static void WritePrefix(Span<byte> destination, long segmentId) =>
        BinaryPrimitives.WriteInt64BigEndian(destination, segmentId ^ long.MinValue);

    private static long ReadSegmentId(byte[] cacheKey) => BinaryPrimitives.ReadInt64BigEndian(cacheKey) ^ long.MinValue;
}
