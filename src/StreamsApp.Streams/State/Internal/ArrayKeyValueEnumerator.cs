namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// A pass over entries copied out of a store when the pass was opened. Working on a copy means a reader never sees,
/// and never fails on, writes made while it enumerates (as Kafka Streams' in-memory iterators), at the cost of copying
/// the range's entry references.
/// </summary>
internal sealed class ArrayKeyValueEnumerator<TKey, TValue> : IKeyValueEnumerator<TKey, TValue>
{
    private readonly KeyValue<TKey, TValue>[] _entries;
    private readonly int _count;
    private int _position = -1;

    /// <summary>Enumerates the first <paramref name="count"/> entries of <paramref name="entries"/>, in array order.</summary>
    public ArrayKeyValueEnumerator(KeyValue<TKey, TValue>[] entries, int count)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, entries.Length);
        _entries = entries;
        _count = count;
    }

    /// <summary>A pass with no entries (e.g. over an inverted range).</summary>
    public static ArrayKeyValueEnumerator<TKey, TValue> Empty() => new([], 0);

    /// <inheritdoc />
    public KeyValue<TKey, TValue> Current =>
        _position >= 0 && _position < _count
            ? _entries[_position]
            : throw new InvalidOperationException("The enumerator is not positioned on an entry.");

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (_position < _count)
        {
            _position++;
        }

        return _position < _count;
    }

    /// <inheritdoc />
    public TKey PeekNextKey() =>
        _position + 1 < _count
            ? _entries[_position + 1].Key
            : throw new InvalidOperationException("The enumerator has no next entry.");

    /// <summary>Nothing to release: the copy is managed memory.</summary>
    public void Dispose()
    {
    }
}
