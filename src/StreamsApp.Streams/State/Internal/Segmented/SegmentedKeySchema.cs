namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// How a time-segmented store lays out its keys: the serialized record key followed by a fixed-size suffix of
/// times (and for windows a sequence number). Gives the segment time of a key, scan bounds and the filter a scan
/// applies, as Kafka Streams' <c>SegmentedBytesStore.KeySchema</c>.
/// </summary>
internal abstract class SegmentedKeySchema
{
    /// <summary>The bytes after the record key.</summary>
    public abstract int SuffixSize { get; }

    /// <summary>The time that decides a key's segment and retention (window start, or session end).</summary>
    public abstract long SegmentTimestamp(ReadOnlySpan<byte> storeKey);

    /// <summary>The record key part of a store key.</summary>
    public ReadOnlySpan<byte> RecordKey(ReadOnlySpan<byte> storeKey) => storeKey[..^SuffixSize];

    /// <summary>The range of segment times a query for times <paramref name="from"/>..<paramref name="to"/> must search.</summary>
    public abstract (long From, long To) SegmentTimeRange(long from, long to);

    /// <summary>
    /// The smallest store key a scan must start at. For one key, the key with the smallest suffix for the time
    /// range; for a key range, the lower key itself, since a longer key that starts with it sorts after it
    /// whatever its suffix.
    /// </summary>
    public byte[]? LowerBound(byte[]? keyFrom, byte[]? keyTo, long from)
    {
        if (keyFrom is null)
        {
            return null;
        }

        // Stored times are never negative, while a query's lower time can be (t - gap near 0). As big-endian
        // bytes a negative time sorts after every stored one, so it would start the scan past them all.
        return IsSingleKey(keyFrom, keyTo) ? Concat(keyFrom, suffix => WriteLowerSuffix(suffix, Math.Max(0, from))) : keyFrom;
    }

    /// <summary>
    /// The largest store key a scan may reach. For one key, the key with the largest suffix for the time range.
    /// For a key range, keys shorter than the upper key that are its prefixes can sort after it (their suffix
    /// bytes compare with its remaining bytes), so the bound is the upper key cut before its first byte below 0xFF
    /// followed by an all-0xFF suffix: correct for keys of any length, at the cost of scanning further; the filter
    /// drops the extra entries.
    /// </summary>
    public byte[]? UpperBound(byte[]? keyFrom, byte[]? keyTo, long to)
    {
        if (keyTo is null)
        {
            return null;
        }

        if (IsSingleKey(keyFrom, keyTo))
        {
            return Concat(keyTo, suffix => WriteUpperSuffix(suffix, to));
        }

        var cut = keyTo.AsSpan().IndexOfAnyExcept((byte)0xFF);
        var prefix = cut < 0 ? keyTo : keyTo[..cut];
        return Concat(prefix, suffix => suffix.Fill(0xFF));
    }

    /// <summary>True when a scanned store key is within the key range (inclusive; null is open) and the time range.</summary>
    public bool Matches(ReadOnlySpan<byte> storeKey, byte[]? keyFrom, byte[]? keyTo, long from, long to)
    {
        if (storeKey.Length < SuffixSize)
        {
            return false;
        }

        var key = RecordKey(storeKey);
        return (keyFrom is null || key.SequenceCompareTo(keyFrom) >= 0)
            && (keyTo is null || key.SequenceCompareTo(keyTo) <= 0)
            && TimeMatches(storeKey, from, to);
    }

    /// <summary>True when the store key's times match a query for <paramref name="from"/>..<paramref name="to"/>.</summary>
    protected abstract bool TimeMatches(ReadOnlySpan<byte> storeKey, long from, long to);

    /// <summary>Writes the smallest suffix a single-key query for times from <paramref name="from"/> can match.</summary>
    protected abstract void WriteLowerSuffix(Span<byte> suffix, long from);

    /// <summary>Writes the largest suffix a single-key query for times up to <paramref name="to"/> can match.</summary>
    protected abstract void WriteUpperSuffix(Span<byte> suffix, long to);

    private static bool IsSingleKey(byte[]? keyFrom, byte[]? keyTo) =>
        keyFrom is not null && keyTo is not null && keyFrom.AsSpan().SequenceEqual(keyTo);

    private byte[] Concat(ReadOnlySpan<byte> key, SpanAction writeSuffix)
    {
        var result = new byte[key.Length + SuffixSize];
        key.CopyTo(result);
        writeSuffix(result.AsSpan(key.Length));
        return result;
    }

    private delegate void SpanAction(Span<byte> suffix);
}
