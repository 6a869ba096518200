using StreamsApp.Streams.State.Internal.Queries;

namespace StreamsApp.Streams.State;

/// <summary>The store types interactive queries can ask for (Kafka Streams' <c>QueryableStoreTypes</c>).</summary>
public static class QueryableStoreTypes
{
    /// <summary>A key-value store; a timestamped one (what the DSL materializes) is read without its timestamps.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    public static IQueryableStoreType<IReadOnlyKeyValueStore<TKey, TValue>> KeyValueStore<TKey, TValue>() =>
        KeyValueStoreType<TKey, TValue>.Instance;

    /// <summary>A window store; a timestamped one (what the DSL materializes) is read without its timestamps.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    public static IQueryableStoreType<IReadOnlyWindowStore<TKey, TValue>> WindowStore<TKey, TValue>() =>
        WindowStoreType<TKey, TValue>.Instance;

    /// <summary>A session store.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    public static IQueryableStoreType<IReadOnlySessionStore<TKey, TAggregate>> SessionStore<TKey, TAggregate>() =>
        SessionStoreType<TKey, TAggregate>.Instance;
}
