using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// Turns a <see cref="Materialized{TKey, TValue}"/> into the window or session store of a windowed aggregation:
/// RocksDB unless a supplier is given, retention window size (or gap) plus grace unless a longer one is given, as in
/// Kafka Streams. Cached unless <see cref="Materialized{TKey, TValue}.WithCachingDisabled"/>, as Kafka Streams' windowed
/// aggregations.
/// </summary>
internal static class WindowedStoreResolver
{
    public static IStoreBuilder<IStateStore> WindowStore<TKey, TAggregate>(
        Materialized<TKey, TAggregate>? materialized, string storeName, WindowSpec windows, ISerde<TKey> keys, ISerde<TAggregate> aggregates)
    {
        RejectOtherSuppliers(materialized, storeName, materialized?.SessionStoreSupplier is not null, "a session store");
        var supplier = materialized?.WindowStoreSupplier ?? Stores.PersistentTimestampedWindowStore(
            storeName,
            TimeSpan.FromMilliseconds(Retention(materialized, storeName, windows.RetainedMs, windows.GraceMs)),
            TimeSpan.FromMilliseconds(windows.SizeMs),
            retainDuplicates: false);
        ValidateRetention(storeName, supplier.RetentionPeriodMs, windows.RetainedMs, windows.GraceMs);
        if (supplier.WindowSizeMs != windows.SizeMs || supplier.RetainDuplicates)
        {
            throw new TopologyException(
                $"The window store '{storeName}' must have the window size of the aggregation ({windows.SizeMs} ms, got " +
                $"{supplier.WindowSizeMs} ms) and must not retain duplicates");
        }

        return MaterializedResolver.WithCachingAndLogging(Stores.TimestampedWindowStoreBuilder(supplier, keys, aggregates), materialized);
    }

    public static IStoreBuilder<IStateStore> SessionStore<TKey, TAggregate>(
        Materialized<TKey, TAggregate>? materialized, string storeName, SessionWindows windows, ISerde<TKey> keys, ISerde<TAggregate> aggregates)
    {
        RejectOtherSuppliers(materialized, storeName, materialized?.WindowStoreSupplier is not null, "a window store");
        var supplier = materialized?.SessionStoreSupplier ?? Stores.PersistentSessionStore(
            storeName, TimeSpan.FromMilliseconds(Retention(materialized, storeName, windows.InactivityGapMs, windows.GraceMs)));
        ValidateRetention(storeName, supplier.RetentionPeriodMs, windows.InactivityGapMs, windows.GraceMs);
        return MaterializedResolver.WithCachingAndLogging(Stores.SessionStoreBuilder(supplier, keys, aggregates), materialized);
    }

    private static long Retention<TKey, TAggregate>(Materialized<TKey, TAggregate>? materialized, string storeName, long sizeMs, long graceMs)
    {
        var retentionMs = materialized?.Retention is { } retention ? (long)retention.TotalMilliseconds : sizeMs + graceMs;
        ValidateRetention(storeName, retentionMs, sizeMs, graceMs);
        return retentionMs;
    }

    // A shorter retention would drop windows that are still open.
    private static void ValidateRetention(string storeName, long retentionMs, long sizeMs, long graceMs)
    {
        if (retentionMs < sizeMs + graceMs)
        {
            throw new TopologyException(
                $"The retention period of the windowed store '{storeName}' must be no smaller than its window size (inactivity " +
                $"gap; twice the time difference for sliding windows) plus the grace period: size={sizeMs} ms, grace={graceMs} ms, retention={retentionMs} ms");
        }
    }

    private static void RejectOtherSuppliers<TKey, TAggregate>(
        Materialized<TKey, TAggregate>? materialized, string storeName, bool wrongWindowed, string wrongKind)
    {
        if (materialized?.StoreSupplier is not null || wrongWindowed)
        {
            var kind = materialized?.StoreSupplier is not null ? "a key-value store" : wrongKind;
            throw new TopologyException($"The windowed aggregation store '{storeName}' was given {kind} supplier; pass the matching windowed store supplier");
        }
    }
}
