namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// A read whose entries are turned into others as they are enumerated: byte-level store keys into windows, stored
/// values into plain ones, and so on. Store layers keep their mapping delegates in fields, so that a read allocates
/// only this and its enumerator.
/// </summary>
internal sealed class MappedEnumerable<TInKey, TInValue, TKey, TValue>(
    IKeyValueEnumerable<TInKey, TInValue> inner,
    Func<TInKey, TKey> mapKey,
    Func<TInValue, TValue> mapValue) : IKeyValueEnumerable<TKey, TValue>
{
    /// <inheritdoc />
    public IKeyValueEnumerator<TKey, TValue> GetEnumerator() => new Enumerator(inner.GetEnumerator(), mapKey, mapValue);

    private sealed class Enumerator(
        IKeyValueEnumerator<TInKey, TInValue> inner,
        Func<TInKey, TKey> mapKey,
        Func<TInValue, TValue> mapValue) : IKeyValueEnumerator<TKey, TValue>
    {
        private KeyValue<TKey, TValue>? _current;

        public KeyValue<TKey, TValue> Current =>
            _current ?? throw new InvalidOperationException("The enumerator is not positioned on an entry.");

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

        public TKey PeekNextKey() => mapKey(inner.PeekNextKey());

        public void Dispose() => inner.Dispose();
    }
}
