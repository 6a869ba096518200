using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>A queryable store type: which stores it accepts and the composite read-only view it builds over them.</summary>
internal abstract class QueryableStoreType<TStore> : IQueryableStoreType<TStore>
    where TStore : class
{
    public abstract bool Accepts(IStateStore store);

    /// <summary>The view over every store <paramref name="provider"/> finds, looked up again on each call.</summary>
    public abstract TStore Create(IQueryableStoreProvider provider);

    internal static InvalidStateStoreException NotAccepted(IStateStore store) =>
        new($"Store '{store.Name}' ({store.GetType().Name}) cannot be queried as {typeof(TStore).Name}; use the QueryableStoreTypes entry of its kind and types");
}

internal sealed class KeyValueStoreType<TKey, TValue> : QueryableStoreType<IReadOnlyKeyValueStore<TKey, TValue>>
{
    public static readonly KeyValueStoreType<TKey, TValue> Instance = new();

    public override bool Accepts(IStateStore store) =>
        store is IReadOnlyKeyValueStore<TKey, TValue> or IReadOnlyKeyValueStore<TKey, ValueAndTimestamp<TValue>>;

    public override IReadOnlyKeyValueStore<TKey, TValue> Create(IQueryableStoreProvider provider) =>
        new CompositeReadOnlyKeyValueStore<TKey, TValue>(provider, View);

    private static IReadOnlyKeyValueStore<TKey, TValue> View(IStateStore store) => store switch
    {
        IReadOnlyKeyValueStore<TKey, TValue> plain => plain,
        IReadOnlyKeyValueStore<TKey, ValueAndTimestamp<TValue>> timestamped => new TimestampedKeyValueView<TKey, TValue>(timestamped),
        _ => throw NotAccepted(store),
    };
}

internal sealed class WindowStoreType<TKey, TValue> : QueryableStoreType<IReadOnlyWindowStore<TKey, TValue>>
{
    public static readonly WindowStoreType<TKey, TValue> Instance = new();

    public override bool Accepts(IStateStore store) =>
        store is IReadOnlyWindowStore<TKey, TValue> or IReadOnlyWindowStore<TKey, ValueAndTimestamp<TValue>>;

    public override IReadOnlyWindowStore<TKey, TValue> Create(IQueryableStoreProvider provider) =>
        new CompositeReadOnlyWindowStore<TKey, TValue>(provider, View);

    private static IReadOnlyWindowStore<TKey, TValue> View(IStateStore store) => store switch
    {
        IReadOnlyWindowStore<TKey, TValue> plain => plain,
        IReadOnlyWindowStore<TKey, ValueAndTimestamp<TValue>> timestamped => new TimestampedWindowView<TKey, TValue>(timestamped),
        _ => throw NotAccepted(store),
    };
}

internal sealed class SessionStoreType<TKey, TAggregate> : QueryableStoreType<IReadOnlySessionStore<TKey, TAggregate>>
{
    public static readonly SessionStoreType<TKey, TAggregate> Instance = new();

    public override bool Accepts(IStateStore store) => store is IReadOnlySessionStore<TKey, TAggregate>;

    public override IReadOnlySessionStore<TKey, TAggregate> Create(IQueryableStoreProvider provider) =>
        new CompositeReadOnlySessionStore<TKey, TAggregate>(
            provider, store => store as IReadOnlySessionStore<TKey, TAggregate> ?? throw NotAccepted(store));
}
