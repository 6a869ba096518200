namespace StreamsApp.Streams.State.Internal;

/// <summary>A byte-level store read turned into a typed one, each entry deserialized as it is enumerated.</summary>
internal sealed class DeserializingEnumerable<TKey, TValue>(IKeyValueEnumerable<byte[], byte[]> inner, StoreSerdes<TKey, TValue> serdes)
    : IKeyValueEnumerable<TKey, TValue>
{
    /// <inheritdoc />
    public IKeyValueEnumerator<TKey, TValue> GetEnumerator() => new Enumerator(inner.GetEnumerator(), serdes);

    private sealed class Enumerator(IKeyValueEnumerator<byte[], byte[]> inner, StoreSerdes<TKey, TValue> serdes)
        : IKeyValueEnumerator<TKey, TValue>
    {
        public KeyValue<TKey, TValue> Current { get; private set; }

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var entry = inner.Current;
            Current = new KeyValue<TKey, TValue>(serdes.KeyFrom(entry.Key), serdes.ValueFrom(entry.Value));
            return true;
        }

        public TKey PeekNextKey() => serdes.KeyFrom(inner.PeekNextKey());

        public void Dispose() => inner.Dispose();
    }
}
