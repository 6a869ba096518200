using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.ValueGetters;

/// <summary>
/// Reads a time-windowed (tumbling, hopping or sliding) aggregation's table: the row of a windowed key is the
/// timestamped window store's entry for (key, window start), as Kafka Streams' windowed value getters read it.
/// </summary>
internal sealed class WindowStoreValueGetterSupplier<TKey, TValue>(string storeName) : IKTableValueGetterSupplier<Windowed<TKey>, TValue>
{
    public IReadOnlyList<string> StoreNames { get; } = [storeName];

    public IKTableValueGetter<Windowed<TKey>, TValue> Get() => new Getter(storeName);

    private sealed class Getter(string storeName) : IKTableValueGetter<Windowed<TKey>, TValue>
    {
        private ITimestampedWindowStore<TKey, TValue>? _store;

        public void Init(IProcessingContext context) =>
            _store = context.GetStateStore<ITimestampedWindowStore<TKey, TValue>>(storeName);

        public bool TryGet(Windowed<TKey> key, out ValueAndTimestamp<TValue> value) =>
            _store!.TryFetch(key.Key, key.Window.StartMs, out value);
    }
}
