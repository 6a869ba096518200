namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// Orders and hashes serialized keys by their bytes, compared as unsigned values (0x80 sorts after 0x7F), which is
/// RocksDB's default bytewise order; every store layer uses it so that all layers agree on key order.
/// </summary>
internal sealed class ByteArrayComparer : IComparer<byte[]>, IEqualityComparer<byte[]>
{
    /// <summary>The shared instance (the comparer has no state).</summary>
    public static readonly ByteArrayComparer Instance = new();

    private ByteArrayComparer()
    {
    }

    /// <summary>Compares lexicographically by unsigned bytes; a shorter array that is a prefix of the other sorts first. Null sorts first.</summary>
    public int Compare(byte[]? x, byte[]? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        // Span comparison of bytes is unsigned and vectorized.
        return y is null ? 1 : x.AsSpan().SequenceCompareTo(y);
    }

    /// <summary>True when both arrays hold the same bytes (or are both null).</summary>
    public bool Equals(byte[]? x, byte[]? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        return x is not null && y is not null && x.AsSpan().SequenceEqual(y);
    }

    /// <summary>A hash of the array's content.</summary>
    public int GetHashCode(byte[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = default(HashCode);
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
