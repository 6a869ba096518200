using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Hosting;

/// <summary>Typed store views of the hosted instance, without spelling out <see cref="StoreQueryParameters{TStore}"/>.</summary>
public static class KafkaStreamsInstanceExtensions
{
    /// <summary>The key-value store <paramref name="storeName"/>, read-only, across this instance's tasks.</summary>
    /// <typeparam name="TKey">The store's key type.</typeparam>
    /// <typeparam name="TValue">The store's value type.</typeparam>
    /// <param name="instance">The hosted instance.</param>
    /// <param name="storeName">The store's name in the topology.</param>
    /// <exception cref="Errors.InvalidStateStoreException">As <see cref="IKafkaStreamsInstance.Store{TStore}"/>.</exception>
    public static IReadOnlyKeyValueStore<TKey, TValue> KeyValueStore<TKey, TValue>(this IKafkaStreamsInstance instance, string storeName)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Store(StoreQueryParameters<IReadOnlyKeyValueStore<TKey, TValue>>.FromNameAndType(storeName, QueryableStoreTypes.KeyValueStore<TKey, TValue>()));
    }

    /// <summary>The window store <paramref name="storeName"/>, read-only, across this instance's tasks.</summary>
    /// <typeparam name="TKey">The store's key type.</typeparam>
    /// <typeparam name="TValue">The store's value type.</typeparam>
    /// <param name="instance">The hosted instance.</param>
    /// <param name="storeName">The store's name in the topology.</param>
    /// <exception cref="Errors.InvalidStateStoreException">As <see cref="IKafkaStreamsInstance.Store{TStore}"/>.</exception>
    public static IReadOnlyWindowStore<TKey, TValue> WindowStore<TKey, TValue>(this IKafkaStreamsInstance instance, string storeName)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Store(StoreQueryParameters<IReadOnlyWindowStore<TKey, TValue>>.FromNameAndType(storeName, QueryableStoreTypes.WindowStore<TKey, TValue>()));
    }

    /// <summary>The session store <paramref name="storeName"/>, read-only, across this instance's tasks.</summary>
    /// <typeparam name="TKey">The store's key type.</typeparam>
    /// <typeparam name="TAggregate">The sessions' aggregate type.</typeparam>
    /// <param name="instance">The hosted instance.</param>
    /// <param name="storeName">The store's name in the topology.</param>
    /// <exception cref="Errors.InvalidStateStoreException">As <see cref="IKafkaStreamsInstance.Store{TStore}"/>.</exception>
    public static IReadOnlySessionStore<TKey, TAggregate> SessionStore<TKey, TAggregate>(this IKafkaStreamsInstance instance, string storeName)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Store(StoreQueryParameters<IReadOnlySessionStore<TKey, TAggregate>>.FromNameAndType(storeName, QueryableStoreTypes.SessionStore<TKey, TAggregate>()));
    }
}
