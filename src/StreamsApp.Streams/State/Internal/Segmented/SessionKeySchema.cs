using System.Buffers.Binary;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Session store keys as Kafka Streams' <c>SessionKeySchema</c>: the serialized key, the session end as 8
/// big-endian bytes, then the session start as 8 big-endian bytes. Segments are by session end. The changelog
/// uses the same keys.
/// </summary>
internal sealed class SessionKeySchema : SegmentedKeySchema
{
    /// <summary>The bytes of one time.</summary>
    public const int TimestampSize = 8;

    /// <summary>The shared instance (the schema has no state).</summary>
    public static readonly SessionKeySchema Instance = new();

    private SessionKeySchema()
    {
    }

    /// <inheritdoc />
    public override int SuffixSize => 2 * TimestampSize;

    /// <summary>The store key of a record key's session <c>[startMs, endMs]</c>.</summary>
    public static byte[] ToBinary(ReadOnlySpan<byte> key, long startMs, long endMs)
    {
        var result = new byte[key.Length + (2 * TimestampSize)];
        key.CopyTo(result);
        BinaryPrimitives.WriteInt64BigEndian(result.AsSpan(key.Length), endMs);
        BinaryPrimitives.WriteInt64BigEndian(result.AsSpan(key.Length + TimestampSize), startMs);
        return result;
    }

    /// <summary>The record key of a store key.</summary>
    public static byte[] ExtractKey(ReadOnlySpan<byte> storeKey) => storeKey[..^(2 * TimestampSize)].ToArray();

    /// <summary>The session end of a store key.</summary>
    public static long ExtractEnd(ReadOnlySpan<byte> storeKey) =>
        BinaryPrimitives.ReadInt64BigEndian(storeKey[^(2 * TimestampSize)..]);

    /// <summary>The session start of a store key.</summary>
    public static long ExtractStart(ReadOnlySpan<byte> storeKey) => BinaryPrimitives.ReadInt64BigEndian(storeKey[^TimestampSize..]);

    /// <summary>The session window of a store key.</summary>
    public static SessionWindow ExtractWindow(ReadOnlySpan<byte> storeKey) => new(ExtractStart(storeKey), ExtractEnd(storeKey));

    /// <inheritdoc />
    public override long SegmentTimestamp(ReadOnlySpan<byte> storeKey) => ExtractEnd(storeKey);

    /// <summary>Sessions ending at or after <paramref name="from"/> may live in any later segment.</summary>
    public override (long From, long To) SegmentTimeRange(long from, long to) => (from, long.MaxValue);

    /// <summary>Overlap: the session ends at or after <paramref name="from"/> and starts at or before <paramref name="to"/>.</summary>
    protected override bool TimeMatches(ReadOnlySpan<byte> storeKey, long from, long to) =>
        ExtractEnd(storeKey) >= from && ExtractStart(storeKey) <= to;

    /// <inheritdoc />
    protected override void WriteLowerSuffix(Span<byte> suffix, long from)
    {
        BinaryPrimitives.WriteInt64BigEndian(suffix, from);
        BinaryPrimitives.WriteInt64BigEndian(suffix[TimestampSize..], 0);
    }

    /// <inheritdoc />
    protected override void WriteUpperSuffix(Span<byte> suffix, long to)
    {
        BinaryPrimitives.WriteInt64BigEndian(suffix, long.MaxValue);
        BinaryPrimitives.WriteInt64BigEndian(suffix[TimestampSize..], to);
    }
}
