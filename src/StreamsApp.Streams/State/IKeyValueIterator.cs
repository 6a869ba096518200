namespace StreamsApp.Streams.State;

/// <summary>
/// Iterates a store's entries in key order (by serialized key bytes). It must be disposed: it may hold native
/// resources. It enumerates itself once, so <c>foreach</c> over it works.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IKeyValueIterator<TKey, TValue> : IEnumerator<KeyValue<TKey, TValue>>, IEnumerable<KeyValue<TKey, TValue>>
{
    /// <summary>Returns the key the next <see cref="System.Collections.IEnumerator.MoveNext"/> would move to, without moving.</summary>
    /// <exception cref="InvalidOperationException">There is no next entry.</exception>
    TKey PeekNextKey();
}
