using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// Assembles a store's layers around the supplier's byte store, outermost first: metered → caching → change-logging
/// → bytes. Logging is on and caching off by default, as in Kafka Streams' store builders.
/// </summary>
internal abstract class StoreBuilderBase<TStore>(IKeyValueBytesStoreSupplier supplier) : IStoreBuilder<TStore>
    where TStore : IStateStore
{
    private static readonly IReadOnlyDictionary<string, string> CompactedTopic =
        new Dictionary<string, string> { ["cleanup.policy"] = "compact" };

    public string Name => supplier.Name;

    public bool LoggingEnabled { get; private set; } = true;

    public bool CachingEnabled { get; private set; }

    public IReadOnlyDictionary<string, string> LogConfig { get; private set; } = CompactedTopic;

    protected IKeyValueBytesStoreSupplier Supplier => supplier;

    public IStoreBuilder<TStore> WithCachingEnabled()
    {
        CachingEnabled = true;
        return this;
    }

    public IStoreBuilder<TStore> WithCachingDisabled()
    {
        CachingEnabled = false;
        return this;
    }

    public IStoreBuilder<TStore> WithLoggingEnabled(IReadOnlyDictionary<string, string>? topicConfig = null)
    {
        LoggingEnabled = true;
        LogConfig = CompactedLogConfig(topicConfig);
        return this;
    }

    /// <summary>A changelog's topic configs: compacted, plus (or overridden by) the user's.</summary>
    public static IReadOnlyDictionary<string, string> CompactedLogConfig(IReadOnlyDictionary<string, string>? topicConfig)
    {
        var config = new Dictionary<string, string>(CompactedTopic);
        foreach (var (key, value) in topicConfig ?? CompactedTopic)
        {
            config[key] = value;
        }

        return config;
    }

    public IStoreBuilder<TStore> WithLoggingDisabled()
    {
        LoggingEnabled = false;
        return this;
    }

    public abstract TStore Build();

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
