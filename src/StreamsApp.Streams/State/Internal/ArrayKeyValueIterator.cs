using System.Collections;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// Iterates entries copied out of a store when the iterator was created. Working on a copy means a reader never
/// sees, and never fails on, writes made while it iterates (as Kafka Streams' in-memory iterators), at the cost of
/// copying the range's entry references.
/// </summary>
internal sealed class ArrayKeyValueIterator<TKey, TValue> : IKeyValueIterator<TKey, TValue>
{
    private readonly KeyValue<TKey, TValue>[] _entries;
    private readonly int _count;
    private int _position = -1;

    /// <summary>Iterates the first <paramref name="count"/> entries of <paramref name="entries"/>, in array order.</summary>
    public ArrayKeyValueIterator(KeyValue<TKey, TValue>[] entries, int count)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, entries.Length);
        _entries = entries;
        _count = count;
    }

    /// <summary>An iterator with no entries (e.g. for an inverted range).</summary>
    public static ArrayKeyValueIterator<TKey, TValue> Empty() => new([], 0);

    /// <inheritdoc />
    public KeyValue<TKey, TValue> Current =>
        _position >= 0 && _position < _count
            ? _entries[_position]
            : throw new InvalidOperationException("The iterator is not positioned on an entry.");

    object IEnumerator.Current => Current;

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
            : throw new InvalidOperationException("The iterator has no next entry.");

    /// <summary>Not supported: store iterators are forward-only.</summary>
    public void Reset() => throw new NotSupportedException("Store iterators cannot be reset.");

    /// <inheritdoc />
    public IEnumerator<KeyValue<TKey, TValue>> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    /// <summary>Nothing to release: the snapshot is managed memory.</summary>
    public void Dispose()
    {
    }
}
