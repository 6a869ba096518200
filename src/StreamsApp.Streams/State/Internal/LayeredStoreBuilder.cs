namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// The options every store builder shares: logging (on by default, with the store kind's default topic configs
/// under the user's) and caching (off by default), as in Kafka Streams' store builders.
/// </summary>
internal abstract class LayeredStoreBuilder<TStore>(string name, IReadOnlyDictionary<string, string> defaultLogConfig) : IStoreBuilder<TStore>
    where TStore : IStateStore
{
    public string Name => name;

    public bool LoggingEnabled { get; private set; } = true;

    public bool CachingEnabled { get; private set; }

    private readonly IReadOnlyDictionary<string, string> _defaultLogConfig = defaultLogConfig;

    public IReadOnlyDictionary<string, string> LogConfig { get; private set; } = defaultLogConfig;

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
        var config = new Dictionary<string, string>(_defaultLogConfig);
        foreach (var (key, value) in topicConfig ?? _defaultLogConfig)
        {
            config[key] = value;
        }

        LogConfig = config;
        return this;
    }

    public IStoreBuilder<TStore> WithLoggingDisabled()
    {
        LoggingEnabled = false;
        return this;
    }

    public abstract TStore Build();
}
