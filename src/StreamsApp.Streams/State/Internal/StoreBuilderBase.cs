using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// Assembles a key-value store's layers around the supplier's byte store, outermost first: metered → caching →
/// change-logging → bytes. The changelog is compacted.
/// </summary>
internal abstract class StoreBuilderBase<TStore>(IKeyValueBytesStoreSupplier supplier)
    : LayeredStoreBuilder<TStore>(supplier.Name, ChangelogTopicConfigs.Compacted)
    where TStore : IStateStore
{
    protected IKeyValueBytesStoreSupplier Supplier => supplier;

    /// <summary>Wraps a fresh byte store in the change-logging and caching layers this builder asks for.</summary>
    protected IKeyValueStore<byte[], byte[]> LayeredBytesStore(bool timestamped)
    {
        var store = supplier.Get();
        if (LoggingEnabled)
        {
            store = new ChangeLoggingKeyValueBytesStore(store, timestamped);
        }

        if (CachingEnabled)
        {
            store = new CachingKeyValueStore(store);
        }

        return store;
    }
}
