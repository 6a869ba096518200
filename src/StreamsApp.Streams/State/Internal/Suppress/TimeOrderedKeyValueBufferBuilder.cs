using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.State.Internal.Suppress;

/// <summary>
/// Builds a suppression's buffer store, one per task, change-logged (compacted topic) unless logging is disabled.
/// A buffer has no cache: it is one, so asking for caching changes nothing.
/// </summary>
internal sealed class TimeOrderedKeyValueBufferBuilder<TKey, TValue>(string name, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    : IStoreBuilder<InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>>
{
    public string Name => name;

    public bool LoggingEnabled { get; private set; } = true;

    public IReadOnlyDictionary<string, string> LogConfig { get; private set; } = StoreBuilderBase<IStateStore>.CompactedLogConfig(null);

    public IStoreBuilder<InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>> WithCachingEnabled() => this;

    public IStoreBuilder<InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>> WithCachingDisabled() => this;

    public IStoreBuilder<InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>> WithLoggingEnabled(IReadOnlyDictionary<string, string>? topicConfig = null)
    {
        LoggingEnabled = true;
        LogConfig = StoreBuilderBase<IStateStore>.CompactedLogConfig(topicConfig);
        return this;
    }

    public IStoreBuilder<InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>> WithLoggingDisabled()
    {
        LoggingEnabled = false;
        return this;
    }

    public InMemoryTimeOrderedKeyValueBuffer<TKey, TValue> Build() => new(name, keySerde, valueSerde, LoggingEnabled);
}
