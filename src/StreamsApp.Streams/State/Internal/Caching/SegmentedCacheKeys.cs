using System.Buffers.Binary;
using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// The cache keys of a segmented (window or session) store, as Kafka Streams' <c>SegmentedCacheFunction</c>: the
/// store key's segment id (8 big-endian bytes, sign bit flipped so that bytes order as numbers) followed by the store
/// key. Sorted by bytes they follow the segmented store's scan order (segment by segment, store key within one), so
/// the cache and the store merge in one pass. Also tracks the latest segment time written, so that cached reads skip
/// times the store has expired, as the store's own reads do.
/// </summary>
internal sealed class SegmentedCacheKeys(SegmentedKeySchema schema, long segmentIntervalMs, long retentionMs)
{
    private const int PrefixSize = sizeof(long);
    private long _observedStreamTime = -1;

    /// <summary>The cache key of a store key, noting its time as written.</summary>
    public byte[] ForWrite(byte[] storeKey)
    {
        _observedStreamTime = Math.Max(_observedStreamTime, schema.SegmentTimestamp(storeKey));
        return CacheKey(storeKey);
    }

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
    /// schema's sense and are still live, sorted by cache key.
    /// </summary>
    public List<CacheEntry> Fetch<TKey>(StoreCache<TKey> cache, byte[]? keyFrom, byte[]? keyTo, long timeFrom, long timeTo)
    {
        var from = Math.Max(timeFrom, _observedStreamTime < 0 ? 0 : _observedStreamTime - retentionMs + 1);
        var (segmentFrom, segmentTo) = schema.SegmentTimeRange(from, timeTo);
        var firstSegment = SegmentId(segmentFrom);
        var lastSegment = SegmentId(segmentTo);
        var lowerBound = new byte[PrefixSize];
        WritePrefix(lowerBound, firstSegment);
        var entries = cache.Range(lowerBound, null);
        entries.RemoveAll(entry =>
            ReadSegmentId(entry.Key) > lastSegment || !schema.Matches(StoreKey(entry.Key), keyFrom, keyTo, from, timeTo));
        return entries;
    }

    private long SegmentId(long timestamp) => Segments.SegmentId(timestamp, segmentIntervalMs);

    private static void WritePrefix(Span<byte> destination, long segmentId) =>
        BinaryPrimitives.WriteInt64BigEndian(destination, segmentId ^ long.MinValue);

    private static long ReadSegmentId(byte[] cacheKey) => BinaryPrimitives.ReadInt64BigEndian(cacheKey) ^ long.MinValue;
}
