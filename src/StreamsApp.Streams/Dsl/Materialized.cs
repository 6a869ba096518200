using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// How a table or aggregation is stored: store name (queryable), backend (RocksDB by default), serdes, caching
/// (on by default) and changelogging (on by default).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed record Materialized<TKey, TValue>
{
    /// <summary>The store name; null generates one (then the store is not meant to be queried).</summary>
    public string? StoreName { get; init; }

    /// <summary>The byte store to use; null means RocksDB under the generated or given name.</summary>
    public IKeyValueBytesStoreSupplier? StoreSupplier { get; init; }

    /// <summary>The window byte store of a time-windowed aggregation; null means RocksDB.</summary>
    public IWindowBytesStoreSupplier? WindowStoreSupplier { get; init; }

    /// <summary>The session byte store of a session aggregation; null means RocksDB.</summary>
    public ISessionBytesStoreSupplier? SessionStoreSupplier { get; init; }

    /// <summary>
    /// How long a windowed aggregation keeps its windows; null keeps them for window size (or gap) plus grace, the
    /// least that works. Ignored when a store supplier brings its own retention.
    /// </summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>The key serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TKey>? KeySerde { get; init; }

    /// <summary>The value serde; null uses the known serde or the built-in one.</summary>
    public ISerde<TValue>? ValueSerde { get; init; }

    /// <summary>Whether writes coalesce in the thread cache until commit. Default true.</summary>
    public bool CachingEnabled { get; init; } = true;

    /// <summary>Whether writes go to the changelog topic. Default true.</summary>
    public bool LoggingEnabled { get; init; } = true;

    /// <summary>Extra changelog topic configs.</summary>
    public IReadOnlyDictionary<string, string>? LogConfig { get; init; }

    /// <summary>Returns a copy with a key serde.</summary>
    public Materialized<TKey, TValue> WithKeySerde(ISerde<TKey> keySerde) => this with { KeySerde = keySerde };

    /// <summary>Returns a copy that keeps windows for <paramref name="retention"/> (windowed aggregations only).</summary>
    public Materialized<TKey, TValue> WithRetention(TimeSpan retention) => this with { Retention = retention };

    /// <summary>Returns a copy with a value serde.</summary>
    public Materialized<TKey, TValue> WithValueSerde(ISerde<TValue> valueSerde) => this with { ValueSerde = valueSerde };

    /// <summary>Returns a copy without caching: every update is forwarded at once.</summary>
    public Materialized<TKey, TValue> WithCachingDisabled() => this with { CachingEnabled = false };

    /// <summary>Returns a copy without a changelog.</summary>
    public Materialized<TKey, TValue> WithLoggingDisabled() => this with { LoggingEnabled = false };

    /// <summary>Returns a copy with changelog topic configs.</summary>
    public Materialized<TKey, TValue> WithLoggingEnabled(IReadOnlyDictionary<string, string> config) =>
        this with { LoggingEnabled = true, LogConfig = config };
}

/// <summary>Factories for <see cref="Materialized{TKey, TValue}"/> that infer the type arguments where they can.</summary>
public static class Materialized
{
    /// <summary>Materializes under a store name (RocksDB).</summary>
    public static Materialized<TKey, TValue> As<TKey, TValue>(string storeName) => new Materialized<TKey, TValue> { StoreName = storeName };

    /// <summary>Materializes into a given byte store (e.g. <see cref="Stores.InMemoryKeyValueStore"/>).</summary>
    public static Materialized<TKey, TValue> As<TKey, TValue>(IKeyValueBytesStoreSupplier supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        return new Materialized<TKey, TValue> { StoreName = supplier.Name, StoreSupplier = supplier };
    }

    /// <summary>Stores a time-windowed aggregation in <paramref name="supplier"/>, under its name.</summary>
    public static Materialized<TKey, TValue> As<TKey, TValue>(IWindowBytesStoreSupplier supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        return new Materialized<TKey, TValue> { StoreName = supplier.Name, WindowStoreSupplier = supplier };
    }

    /// <summary>Stores a session aggregation in <paramref name="supplier"/>, under its name.</summary>
    public static Materialized<TKey, TValue> As<TKey, TValue>(ISessionBytesStoreSupplier supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        return new Materialized<TKey, TValue> { StoreName = supplier.Name, SessionStoreSupplier = supplier };
    }

    /// <summary>Materializes with the given serdes under a generated name.</summary>
    public static Materialized<TKey, TValue> With<TKey, TValue>(ISerde<TKey> keySerde, ISerde<TValue> valueSerde) =>
        new Materialized<TKey, TValue> { KeySerde = keySerde, ValueSerde = valueSerde };
}
