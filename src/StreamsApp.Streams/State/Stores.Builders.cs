using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.State;

/// <summary>Factories for store suppliers and builders, as Kafka Streams' <c>Stores</c>.</summary>
public static partial class Stores
{
    /// <summary>A builder of plain key-value stores over the supplier's byte store (logging on, caching off).</summary>
    public static IStoreBuilder<IKeyValueStore<TKey, TValue>> KeyValueStoreBuilder<TKey, TValue>(
        IKeyValueBytesStoreSupplier supplier, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(keySerde);
        ArgumentNullException.ThrowIfNull(valueSerde);
        return new KeyValueStoreBuilder<TKey, TValue>(supplier, keySerde, valueSerde);
    }

    /// <summary>A builder of timestamped key-value stores over the supplier's byte store (logging on, caching off).</summary>
    public static IStoreBuilder<ITimestampedKeyValueStore<TKey, TValue>> TimestampedKeyValueStoreBuilder<TKey, TValue>(
        IKeyValueBytesStoreSupplier supplier, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(keySerde);
        ArgumentNullException.ThrowIfNull(valueSerde);
        return new TimestampedKeyValueStoreBuilder<TKey, TValue>(supplier, keySerde, valueSerde);
    }
}
