using System.Collections;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// Turns each entry of an iterator into another as it is read: byte-level store keys into windows, bytes into
/// typed keys and values, and so on.
/// </summary>
internal class MappedIterator<TInKey, TInValue, TKey, TValue>(
    IKeyValueIterator<TInKey, TInValue> inner,
    Func<TInKey, TKey> mapKey,
    Func<TInValue, TValue> mapValue) : IKeyValueIterator<TKey, TValue>
{
    private KeyValue<TKey, TValue>? _current;

    /// <inheritdoc />
    public KeyValue<TKey, TValue> Current =>
        _current ?? throw new InvalidOperationException("The iterator is not positioned on an entry.");

    object IEnumerator.Current => Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            _current = null;
            return false;
        }

        var entry = inner.Current;
        _current = new KeyValue<TKey, TValue>(mapKey(entry.Key), mapValue(entry.Value));
        return true;
    }

    /// <inheritdoc />
    public TKey PeekNextKey() => mapKey(inner.PeekNextKey());

    /// <summary>Not supported: store iterators are forward-only.</summary>
    public void Reset() => throw new NotSupportedException("Store iterators cannot be reset.");

    /// <inheritdoc />
    public IEnumerator<KeyValue<TKey, TValue>> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();
}

/// <summary>A <see cref="MappedIterator{TInKey, TInValue, TKey, TValue}"/> whose keys are window starts.</summary>
internal sealed class MappedWindowStoreIterator<TInKey, TInValue, TValue>(
    IKeyValueIterator<TInKey, TInValue> inner, Func<TInKey, long> windowStart, Func<TInValue, TValue> mapValue)
    : MappedIterator<TInKey, TInValue, long, TValue>(inner, windowStart, mapValue), IWindowStoreIterator<TValue>;
