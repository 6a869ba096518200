using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.ValueGetters;

/// <summary>
/// Reads a session aggregation's table: the row of a windowed key is the session store's aggregate for exactly that
/// session. Session stores keep no timestamps; as in Kafka Streams, the row's timestamp is the session end, which is
/// also the timestamp the aggregation forwarded it with.
/// </summary>
internal sealed class SessionStoreValueGetterSupplier<TKey, TValue>(string storeName) : IKTableValueGetterSupplier<Windowed<TKey>, TValue>
{
    public IReadOnlyList<string> StoreNames { get; } = [storeName];

    public IKTableValueGetter<Windowed<TKey>, TValue> Get() => new Getter(storeName);

    private sealed class Getter(string storeName) : IKTableValueGetter<Windowed<TKey>, TValue>
    {
        private ISessionStore<TKey, TValue>? _store;

        public void Init(IProcessingContext context) =>
            _store = context.GetStateStore<ISessionStore<TKey, TValue>>(storeName);

        public bool TryGet(Windowed<TKey> key, out ValueAndTimestamp<TValue> value)
        {
            var found = _store!.TryFetchSession(key.Key, key.Window.StartMs, key.Window.EndMs, out var aggregate);
            value = found ? new ValueAndTimestamp<TValue>(aggregate, key.Window.EndMs) : default;
            return found;
        }
    }
}
