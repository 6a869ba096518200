using System.Collections;

namespace StreamsApp.Streams.State;

/// <summary>
/// One pass over the entries of a store read (<see cref="IKeyValueEnumerable{TKey, TValue}.GetEnumerator"/>).
/// Disposing it releases what it holds of the store (for RocksDB, the native iterator); it cannot be reset.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IKeyValueEnumerator<TKey, TValue> : IEnumerator<KeyValue<TKey, TValue>>
{
    /// <summary>
    /// The key the next <see cref="IEnumerator.MoveNext"/> moves to, without moving (Kafka Streams' <c>peekNextKey</c>):
    /// what merges of several sorted passes compare.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no next entry.</exception>
    TKey PeekNextKey();

    object IEnumerator.Current => Current;

    /// <summary>Not supported: a pass over a store goes forward once; enumerate the read again for a new pass.</summary>
    void IEnumerator.Reset() => throw new NotSupportedException("A store enumerator cannot be reset; enumerate the read again.");
}
