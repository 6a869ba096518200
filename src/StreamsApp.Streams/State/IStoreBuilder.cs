namespace StreamsApp.Streams.State;

/// <summary>
/// Builds a store with its layers (metered, caching, change-logging) around a byte-level store. One builder serves
/// every task; <see cref="Build"/> is called once per task.
/// </summary>
/// <typeparam name="TStore">The store interface processors see.</typeparam>
public interface IStoreBuilder<out TStore>
    where TStore : IStateStore
{
    /// <summary>The store name.</summary>
    string Name { get; }

    /// <summary>True when writes are logged to the changelog topic <c>&lt;application.id&gt;-&lt;name&gt;-changelog</c>.</summary>
    bool LoggingEnabled { get; }

    /// <summary>Topic configs for the changelog topic (e.g. <c>cleanup.policy</c>), applied when it is created.</summary>
    IReadOnlyDictionary<string, string> LogConfig { get; }

    /// <summary>Adds a write-back cache that coalesces updates until commit (not to window stores that retain duplicates, as in Kafka Streams).</summary>
    IStoreBuilder<TStore> WithCachingEnabled();

    /// <summary>Removes the cache (every update is forwarded and logged).</summary>
    IStoreBuilder<TStore> WithCachingDisabled();

    /// <summary>Logs every write to the store's changelog topic, created with the given topic configs.</summary>
    IStoreBuilder<TStore> WithLoggingEnabled(IReadOnlyDictionary<string, string>? topicConfig = null);

    /// <summary>Turns changelogging off: the store is then lost with its task's local state.</summary>
    IStoreBuilder<TStore> WithLoggingDisabled();

    /// <summary>Builds a new store instance for one task.</summary>
    TStore Build();
}
