using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.State.Internal;

/// <summary>Builds plain key-value stores.</summary>
internal sealed class KeyValueStoreBuilder<TKey, TValue>(
    IKeyValueBytesStoreSupplier supplier, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    : StoreBuilderBase<IKeyValueStore<TKey, TValue>>(supplier)
{
    public override IKeyValueStore<TKey, TValue> Build() =>
        new MeteredKeyValueStore<TKey, TValue>(
            LayeredBytesStore(timestamped: false),
            topic => new StoreSerdes<TKey, TValue>(topic, keySerde, valueSerde),
            Supplier.MetricsScope);
}

/// <summary>Builds timestamped key-value stores (the DSL's tables and aggregations).</summary>
internal sealed class TimestampedKeyValueStoreBuilder<TKey, TValue>(
    IKeyValueBytesStoreSupplier supplier, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    : StoreBuilderBase<ITimestampedKeyValueStore<TKey, TValue>>(supplier)
{
    public override ITimestampedKeyValueStore<TKey, TValue> Build() =>
        new MeteredTimestampedKeyValueStore<TKey, TValue>(
            LayeredBytesStore(timestamped: true), keySerde, valueSerde, Supplier.MetricsScope);
}
