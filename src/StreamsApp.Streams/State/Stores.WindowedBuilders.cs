using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State;

/// <summary>Window and session store builders.</summary>
public static partial class Stores
{
    /// <summary>A builder of plain window stores over the supplier's byte store (logging on, caching off unless asked for).</summary>
    public static IStoreBuilder<IWindowStore<TKey, TValue>> WindowStoreBuilder<TKey, TValue>(
        IWindowBytesStoreSupplier supplier, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(keySerde);
        ArgumentNullException.ThrowIfNull(valueSerde);
        return new WindowStoreBuilder<TKey, TValue, IWindowStore<TKey, TValue>>(
            supplier,
            bytes => new MeteredWindowStore<TKey, TValue>(
                bytes, topic => new StoreSerdes<TKey, TValue>(topic, keySerde, valueSerde), supplier.MetricsScope),
            timestamped: false);
    }

    /// <summary>
    /// A builder of timestamped window stores (the DSL's windowed aggregations) over the supplier's byte store;
    /// the changelog holds the plain values stamped with their stored timestamps.
    /// </summary>
    public static IStoreBuilder<ITimestampedWindowStore<TKey, TValue>> TimestampedWindowStoreBuilder<TKey, TValue>(
        IWindowBytesStoreSupplier supplier, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(keySerde);
        ArgumentNullException.ThrowIfNull(valueSerde);
        return new WindowStoreBuilder<TKey, TValue, ITimestampedWindowStore<TKey, TValue>>(
            supplier,
            bytes => new MeteredTimestampedWindowStore<TKey, TValue>(bytes, keySerde, valueSerde, supplier.MetricsScope),
            timestamped: true);
    }

    /// <summary>A builder of session stores over the supplier's byte store (logging on, caching off unless asked for).</summary>
    public static IStoreBuilder<ISessionStore<TKey, TAggregate>> SessionStoreBuilder<TKey, TAggregate>(
        ISessionBytesStoreSupplier supplier, ISerde<TKey> keySerde, ISerde<TAggregate> aggregateSerde)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(keySerde);
        ArgumentNullException.ThrowIfNull(aggregateSerde);
        return new SessionStoreBuilder<TKey, TAggregate>(supplier, keySerde, aggregateSerde);
    }
}
