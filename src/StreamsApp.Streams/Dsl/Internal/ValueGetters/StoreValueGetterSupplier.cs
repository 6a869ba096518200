using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.ValueGetters;

/// <summary>
/// Reads a materialized table's timestamped store. A global store is readable from every task without being
/// connected, so it names no stores to connect.
/// </summary>
internal sealed class StoreValueGetterSupplier<TKey, TValue>(string storeName, bool global = false)
    : IKTableValueGetterSupplier<TKey, TValue>
{
    public IReadOnlyList<string> StoreNames { get; } = global ? [] : [storeName];

    public IKTableValueGetter<TKey, TValue> Get() => new Getter(storeName);

    private sealed class Getter(string storeName) : IKTableValueGetter<TKey, TValue>
    {
        private ITimestampedKeyValueStore<TKey, TValue>? _store;

        public void Init(IProcessingContext context) =>
            _store = context.GetStateStore<ITimestampedKeyValueStore<TKey, TValue>>(storeName);

        public bool TryGet(TKey key, out ValueAndTimestamp<TValue> value) => _store!.TryGet(key, out value);
    }
}
