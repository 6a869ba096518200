using System.Globalization;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State.Internal.Caching;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Builders of window and session stores: metered → caching → change-logging → segmented bytes. Their changelogs
/// are compacted and deleted after the retention period plus a day, as Kafka Streams' windowed changelogs
/// (<c>windowstore.changelog.additional.retention.ms</c> defaults to a day).
/// </summary>
internal abstract class WindowedStoreBuilder<TStore>(string name, long retentionPeriodMs)
    : LayeredStoreBuilder<TStore>(name, WindowedChangelogConfig(retentionPeriodMs))
    where TStore : IStateStore
{
    private const long AdditionalChangelogRetentionMs = 24 * 60 * 60 * 1000;

    private static Dictionary<string, string> WindowedChangelogConfig(long retentionPeriodMs) => new()
    {
        ["cleanup.policy"] = "compact,delete",
        ["retention.ms"] = (retentionPeriodMs + AdditionalChangelogRetentionMs).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Builds plain or timestamped window stores. A store that retains duplicates gets no cache even when asked, as in
/// Kafka Streams: its puts never overwrite, so there is nothing to coalesce (stream-stream join stores).
/// </summary>
internal sealed class WindowStoreBuilder<TKey, TValue, TStore>(
    IWindowBytesStoreSupplier supplier, Func<IWindowStore<byte[], byte[]>, TStore> metered, bool timestamped)
    : WindowedStoreBuilder<TStore>(supplier.Name, supplier.RetentionPeriodMs)
    where TStore : IStateStore
{
    public override TStore Build()
    {
        var store = supplier.Get();
        if (LoggingEnabled)
        {
            store = new ChangeLoggingWindowBytesStore(store, supplier.RetainDuplicates, timestamped);
        }

        if (CachingEnabled && !supplier.RetainDuplicates)
        {
            store = new CachingWindowStore(store, supplier.WindowSizeMs, supplier.SegmentIntervalMs);
        }

        return metered(store);
    }
}

/// <summary>Builds session stores.</summary>
internal sealed class SessionStoreBuilder<TKey, TAggregate>(
    ISessionBytesStoreSupplier supplier, ISerde<TKey> keySerde, ISerde<TAggregate> aggregateSerde)
    : WindowedStoreBuilder<ISessionStore<TKey, TAggregate>>(supplier.Name, supplier.RetentionPeriodMs)
{
    public override ISessionStore<TKey, TAggregate> Build()
    {
        var store = supplier.Get();
        if (LoggingEnabled)
        {
            store = new ChangeLoggingSessionBytesStore(store);
        }

        if (CachingEnabled)
        {
            store = new CachingSessionStore(store, supplier.SegmentIntervalMs);
        }

        return new MeteredSessionStore<TKey, TAggregate>(
            store, topic => new StoreSerdes<TKey, TAggregate>(topic, keySerde, aggregateSerde), supplier.MetricsScope);
    }
}
