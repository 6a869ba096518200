using Confluent.Kafka;

namespace StreamsApp.Streams.State;

/// <summary>
/// The read side of a key-value store: what interactive queries may use. Ranges and scans return an
/// <see cref="IKeyValueEnumerable{TKey, TValue}"/>: nothing is read until it is enumerated, each enumeration is a new
/// pass over the store, and <c>foreach</c> releases what the pass holds.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IReadOnlyKeyValueStore<TKey, TValue>
{
    /// <summary>Looks up a key.</summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>True when the key is present.</returns>
    bool TryGet(TKey key, out TValue value);

    /// <summary>Looks up a key, returning <c>default</c> when it is absent (use <see cref="TryGet"/> for value types).</summary>
    /// <param name="key">The key; not null.</param>
    TValue? Get(TKey key) => TryGet(key, out var value) ? value : default;

    /// <summary>Entries with keys from <paramref name="from"/> to <paramref name="to"/> inclusive, in serialized-key order; a null bound is open.</summary>
    IKeyValueEnumerable<TKey, TValue> Range(TKey? from, TKey? to);

    /// <summary>As <see cref="Range"/>, in descending order.</summary>
    IKeyValueEnumerable<TKey, TValue> ReverseRange(TKey? from, TKey? to);

    /// <summary>Every entry in serialized-key order.</summary>
    IKeyValueEnumerable<TKey, TValue> All();

    /// <summary>Every entry in descending order.</summary>
    IKeyValueEnumerable<TKey, TValue> ReverseAll();

    /// <summary>Entries whose serialized key starts with the serialized <paramref name="prefix"/>.</summary>
    /// <typeparam name="TPrefix">The prefix type.</typeparam>
    /// <param name="prefix">The prefix.</param>
    /// <param name="prefixSerializer">Serializes the prefix the same way the keys' serializer writes their start.</param>
    IKeyValueEnumerable<TKey, TValue> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer);

    /// <summary>An estimate of the number of entries (exact for in-memory stores).</summary>
    long ApproximateNumEntries { get; }
}
