using System.Buffers.Binary;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Window store keys as Kafka Streams' <c>WindowKeySchema.toStoreKeyBinary</c>: the serialized key, the window
/// start as 8 big-endian bytes, then a 4-byte big-endian sequence number (0 unless duplicates are retained). The
/// changelog uses the same keys.
/// </summary>
internal sealed class WindowKeySchema : SegmentedKeySchema
{
    /// <summary>The bytes of the window start.</summary>
    public const int TimestampSize = 8;

    /// <summary>The bytes of the sequence number.</summary>
    public const int SeqnumSize = 4;

    /// <summary>The shared instance (the schema has no state).</summary>
    public static readonly WindowKeySchema Instance = new();

    private WindowKeySchema()
    {
    }

    /// <inheritdoc />
    public override int SuffixSize => TimestampSize + SeqnumSize;

    /// <summary>The store key of a record key in the window starting at <paramref name="windowStartMs"/>.</summary>
    public static byte[] ToStoreKeyBinary(ReadOnlySpan<byte> key, long windowStartMs, int seqnum)
    {
        var result = new byte[key.Length + TimestampSize + SeqnumSize];
        key.CopyTo(result);
        BinaryPrimitives.WriteInt64BigEndian(result.AsSpan(key.Length), windowStartMs);
        BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(key.Length + TimestampSize), seqnum);
        return result;
    }

    /// <summary>The record key of a store key.</summary>
    public static byte[] ExtractKey(ReadOnlySpan<byte> storeKey) => storeKey[..^(TimestampSize + SeqnumSize)].ToArray();

    /// <summary>The window start of a store key.</summary>
    public static long ExtractWindowStart(ReadOnlySpan<byte> storeKey) =>
        BinaryPrimitives.ReadInt64BigEndian(storeKey[^(TimestampSize + SeqnumSize)..]);

    /// <summary>The sequence number of a store key.</summary>
    public static int ExtractSeqnum(ReadOnlySpan<byte> storeKey) => BinaryPrimitives.ReadInt32BigEndian(storeKey[^SeqnumSize..]);

    /// <summary>The window <c>[start, start + size)</c>, its end capped at <see cref="long.MaxValue"/> as Kafka Streams does.</summary>
    public static TimeWindow WindowFor(long startMs, long windowSizeMs) =>
        new(startMs, startMs > long.MaxValue - windowSizeMs ? long.MaxValue : startMs + windowSizeMs);

    /// <inheritdoc />
    public override long SegmentTimestamp(ReadOnlySpan<byte> storeKey) => ExtractWindowStart(storeKey);

    /// <inheritdoc />
    public override (long From, long To) SegmentTimeRange(long from, long to) => (from, to);

    /// <inheritdoc />
    protected override bool TimeMatches(ReadOnlySpan<byte> storeKey, long from, long to)
    {
        var start = ExtractWindowStart(storeKey);
        return start >= from && start <= to;
    }

    /// <inheritdoc />
    protected override void WriteLowerSuffix(Span<byte> suffix, long from)
    {
        BinaryPrimitives.WriteInt64BigEndian(suffix, from);
        BinaryPrimitives.WriteInt32BigEndian(suffix[TimestampSize..], 0);
    }

    /// <inheritdoc />
    protected override void WriteUpperSuffix(Span<byte> suffix, long to)
    {
        BinaryPrimitives.WriteInt64BigEndian(suffix, to);

        // All 0xFF: sequence numbers stay non-negative, but the bound must not depend on it.
        suffix[TimestampSize..].Fill(0xFF);
    }
}
