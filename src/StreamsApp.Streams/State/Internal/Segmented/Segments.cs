using System.Globalization;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// The live time segments of one store, as Kafka Streams' <c>AbstractSegments</c>: segment <c>i</c> holds times
/// <c>[i * interval, (i + 1) * interval)</c> and is named <c>&lt;store&gt;.&lt;i * interval&gt;</c>. Segments are
/// created on the first write into them and destroyed once every time they can hold is out of retention. Not
/// thread-safe: <see cref="SegmentedBytesStore"/> guards it.
/// </summary>
internal sealed class Segments(string storeName, long segmentIntervalMs, ISegmentFactory factory)
{
    private readonly SortedDictionary<long, IKeyValueStore<byte[], byte[]>> _segments = [];

    /// <summary>The segment holding a time.</summary>
    public long SegmentId(long timestamp) => SegmentId(timestamp, segmentIntervalMs);

    /// <summary>The segment holding a time, for segments of <paramref name="segmentIntervalMs"/>.</summary>
    public static long SegmentId(long timestamp, long segmentIntervalMs) => Math.DivRem(timestamp, segmentIntervalMs) switch
    {
        // Floor division, so that a (rejected elsewhere) negative time cannot share segment 0.
        var (quotient, remainder) when remainder < 0 => quotient - 1,
        var (quotient, _) => quotient,
    };

    /// <summary>The name of a segment, from its start time.</summary>
    public string SegmentName(long segmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{storeName}.{segmentId * segmentIntervalMs}");

    /// <summary>Opens the segments left on disk by an earlier run.</summary>
    public void OpenExisting()
    {
        var prefix = storeName + ".";
        foreach (var name in factory.ExistingSegmentNames())
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(name.AsSpan(prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start)
                && start % segmentIntervalMs == 0)
            {
                _segments[start / segmentIntervalMs] = factory.Open(name);
            }
        }
    }

    /// <summary>The segment with the given id, creating it; null when it is older than <paramref name="minLiveSegmentId"/>.</summary>
    public IKeyValueStore<byte[], byte[]>? GetOrCreateIfLive(long segmentId, long minLiveSegmentId)
    {
        if (segmentId < minLiveSegmentId)
        {
            return null;
        }

        if (!_segments.TryGetValue(segmentId, out var segment))
        {
            segment = factory.Open(SegmentName(segmentId));
            _segments.Add(segmentId, segment);
        }

        return segment;
    }

    /// <summary>The existing segment with the given id, or null.</summary>
    public IKeyValueStore<byte[], byte[]>? Get(long segmentId) => _segments.GetValueOrDefault(segmentId);

    /// <summary>Destroys every segment older than <paramref name="minLiveSegmentId"/>.</summary>
    public void CleanupEarlierThan(long minLiveSegmentId)
    {
        while (_segments.Count > 0 && _segments.First() is var (id, segment) && id < minLiveSegmentId)
        {
            _segments.Remove(id);
            factory.Destroy(segment);
        }
    }

    /// <summary>The segments that may hold times from <paramref name="timeFrom"/> to <paramref name="timeTo"/>, in time order or reversed.</summary>
    public List<IKeyValueStore<byte[], byte[]>> Search(long timeFrom, long timeTo, bool forward)
    {
        var fromId = SegmentId(timeFrom);
        var toId = SegmentId(timeTo);
        var found = _segments.Where(s => s.Key >= fromId && s.Key <= toId).Select(s => s.Value).ToList();
        if (!forward)
        {
            found.Reverse();
        }

        return found;
    }

    /// <summary>Every segment's store, in time order.</summary>
    public IEnumerable<IKeyValueStore<byte[], byte[]>> All => _segments.Values;

    /// <summary>Closes every segment (keeping its data on disk) and forgets them.</summary>
    public void Close()
    {
        foreach (var segment in _segments.Values)
        {
            segment.Close();
        }

        _segments.Clear();
    }
}
