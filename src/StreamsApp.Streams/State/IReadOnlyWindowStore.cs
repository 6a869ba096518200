namespace StreamsApp.Streams.State;

/// <summary>
/// The read side of a window store: what interactive queries may use. Time bounds are inclusive and apply to the
/// window start. Forward iteration goes through the store's time segments in ascending time, and within one
/// segment in serialized store-key order (key bytes, then window start), as Kafka Streams' RocksDB window store;
/// backward iteration is the exact reverse. Windows that fell out of retention are never returned. Fetches return an
/// <see cref="IKeyValueEnumerable{TKey, TValue}"/>: nothing is read until it is enumerated, and each enumeration is a
/// new pass over the store, with retention as it is then.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IReadOnlyWindowStore<TKey, TValue>
{
    /// <summary>Looks up the value of one key in the window starting at <paramref name="windowStartMs"/>.</summary>
    /// <returns>True when found. With retained duplicates, the first value written for that key and window.</returns>
    bool TryFetch(TKey key, long windowStartMs, out TValue value);

    /// <summary>
    /// The windows of one key starting from <paramref name="timeFromMs"/> to <paramref name="timeToMs"/>, oldest first;
    /// each entry's key is its window's start in milliseconds.
    /// </summary>
    IKeyValueEnumerable<long, TValue> Fetch(TKey key, long timeFromMs, long timeToMs);

    /// <summary>As <see cref="Fetch(TKey, long, long)"/>, newest first.</summary>
    IKeyValueEnumerable<long, TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs);

    /// <summary>Windows of keys from <paramref name="keyFrom"/> to <paramref name="keyTo"/> (inclusive; null is open) starting in the time range.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs);

    /// <summary>As <see cref="Fetch(TKey, TKey, long, long)"/>, in reverse order.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs);

    /// <summary>Every key's windows starting in the time range.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs);

    /// <summary>As <see cref="FetchAll"/>, in reverse order.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs);

    /// <summary>Every window still in retention.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TValue> All();

    /// <summary>As <see cref="All"/>, in reverse order.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardAll();
}
