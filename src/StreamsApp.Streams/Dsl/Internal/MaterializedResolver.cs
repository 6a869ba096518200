using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>Turns a <see cref="Materialized{TKey, TValue}"/> into a store name and a timestamped store builder.</summary>
internal static class MaterializedResolver
{
    /// <summary>The user's store name (queryable) or a generated one (not queryable).</summary>
    public static (string StoreName, string? QueryableName) StoreName<TKey, TValue>(
        Materialized<TKey, TValue>? materialized, InternalStreamsBuilder builder, string prefix) =>
        materialized?.StoreName is { } name ? (name, name) : (builder.NewStoreName(prefix), null);

    public static IStoreBuilder<IStateStore> StoreBuilder<TKey, TValue>(
        Materialized<TKey, TValue>? materialized, string storeName, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    {
        var supplier = materialized?.StoreSupplier ?? Stores.PersistentKeyValueStore(storeName);
        return WithCachingAndLogging(
            Stores.TimestampedKeyValueStoreBuilder(supplier, materialized?.KeySerde ?? keySerde, materialized?.ValueSerde ?? valueSerde),
            materialized);
    }

    /// <summary>Applies the caching (on unless disabled, as in Kafka Streams) and logging options of <paramref name="materialized"/>.</summary>
    public static IStoreBuilder<TStore> WithCachingAndLogging<TStore, TKey, TValue>(IStoreBuilder<TStore> builder, Materialized<TKey, TValue>? materialized)
        where TStore : IStateStore
    {
        builder = materialized?.CachingEnabled ?? true ? builder.WithCachingEnabled() : builder.WithCachingDisabled();
        return materialized?.LoggingEnabled ?? true ? builder.WithLoggingEnabled(materialized?.LogConfig) : builder.WithLoggingDisabled();
    }
}
