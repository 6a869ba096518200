using System.Collections;

namespace StreamsApp.Streams.State;

/// <summary>
/// The entries a store read returns, in the order the read defines (key-value stores: by serialized key bytes). The
/// store is read when the result is enumerated, not when the read is called, and every enumeration reads it anew:
/// <c>foreach</c> twice is two passes over the store as it is then. Each pass holds store resources (for RocksDB, a
/// native iterator and the snapshot it pins) until its enumerator is disposed, which <c>foreach</c> and LINQ do, also
/// when they stop early. A read's arguments are checked when it is called.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IKeyValueEnumerable<TKey, TValue> : IEnumerable<KeyValue<TKey, TValue>>
{
    /// <summary>
    /// Opens one pass over the store. A key-value store's pass reads the store as of this call; a window or session
    /// store opens each time segment as the pass reaches it, and an interactive query's key-value range reads a page
    /// at a time, so writes made meanwhile may show there.
    /// </summary>
    /// <returns>An enumerator the caller disposes (<c>foreach</c> does) to release the store resources it holds.</returns>
    /// <exception cref="InvalidOperationException">A processor's store is not open.</exception>
    /// <exception cref="Errors.InvalidStateStoreException">An interactive query finds no store it can read now.</exception>
    new IKeyValueEnumerator<TKey, TValue> GetEnumerator();

    IEnumerator<KeyValue<TKey, TValue>> IEnumerable<KeyValue<TKey, TValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
