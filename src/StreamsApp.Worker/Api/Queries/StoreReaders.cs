using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>Reads a key-value store of string keys on this worker, whatever its value type.</summary>
internal interface IKeyValueReader
{
    /// <summary>The key's value in this worker's stores (also its standbys when <paramref name="stale"/>); null when absent here.</summary>
    object? Get(KafkaStreams streams, string key, bool stale = false);

    /// <summary>Entries of this worker's stores with keys from <paramref name="from"/> to <paramref name="to"/> (inclusive; null is open), in key order.</summary>
    StorePage Range(KafkaStreams streams, string? from, string? to, int limit);
}

/// <summary>Reads a window store of string keys on this worker, whatever its value type.</summary>
internal interface IWindowReader
{
    /// <summary>
    /// Windows starting in <paramref name="range"/> of one key, or of every key when <paramref name="key"/> is null; by
    /// window start, then key. Also from standbys when <paramref name="stale"/>.
    /// </summary>
    StorePage Fetch(KafkaStreams streams, string? key, TimeRange range, int limit, bool stale = false);
}

/// <summary>Reads a key-value store through interactive queries (DSL stores: the timestamp is unwrapped).</summary>
/// <typeparam name="TValue">The value type: a contract, or a number (a participant's units or credit).</typeparam>
internal sealed class KeyValueReader<TValue>(string storeName) : IKeyValueReader
    where TValue : notnull
{
    // TryGet: for a number, Get would answer 0 for a key that is not there.
    public object? Get(KafkaStreams streams, string key, bool stale = false) => Store(streams, stale).TryGet(key, out var value) ? value : null;

    public StorePage Range(KafkaStreams streams, string? from, string? to, int limit)
    {
        return StorePage.Of(Store(streams).Range(from, to).Select(e => new KeyValueEntry(e.Key, e.Value)), KeyValueEntry.Order, limit);
    }

    /// <summary>The typed view, for endpoints that filter on the value; with <paramref name="stale"/>, standbys too.</summary>
    public IReadOnlyKeyValueStore<string, TValue> Store(KafkaStreams streams, bool stale = false) => streams.Store(
        StoreQueryParameters<IReadOnlyKeyValueStore<string, TValue>>.FromNameAndType(storeName, QueryableStoreTypes.KeyValueStore<string, TValue>()) is var query && stale
            ? query.EnableStaleStores()
            : query);
}

/// <summary>Reads a window store through interactive queries.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WindowReader<TValue>(string storeName) : IWindowReader
    where TValue : class
{
    public StorePage Fetch(KafkaStreams streams, string? key, TimeRange range, int limit, bool stale = false)
    {
        var query = StoreQueryParameters<IReadOnlyWindowStore<string, TValue>>.FromNameAndType(storeName, QueryableStoreTypes.WindowStore<string, TValue>());
        var store = streams.Store(stale ? query.EnableStaleStores() : query);
        var entries = key is null ? store.FetchAll(range.FromMs, range.ToMs) : store.Fetch(key, key, range.FromMs, range.ToMs);
        var rendered = entries.Select(e => new WindowEntry(
            e.Key.Key, DateTimeOffset.FromUnixTimeMilliseconds(e.Key.Window.StartMs), DateTimeOffset.FromUnixTimeMilliseconds(e.Key.Window.EndMs), e.Value));
        return StorePage.Of(rendered, WindowEntry.Order, limit);
    }
}
