using System.Collections;
using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal;

/// <summary>Turns a byte-level store iterator into a typed one, deserializing each entry as it is read.</summary>
internal sealed class DeserializingIterator<TKey, TValue>(
    IKeyValueIterator<byte[], byte[]> inner, StoreSerdes<TKey, TValue> serdes) : IKeyValueIterator<TKey, TValue>
{
    public KeyValue<TKey, TValue> Current { get; private set; }

    object IEnumerator.Current => Current;

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

    public void Reset() => throw new NotSupportedException("A store iterator cannot be reset");

    public void Dispose() => inner.Dispose();

    public IEnumerator<KeyValue<TKey, TValue>> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;
}
