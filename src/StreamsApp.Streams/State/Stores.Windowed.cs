using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.State;

/// <summary>Window and session store suppliers.</summary>
public static partial class Stores
{
    // Kafka Streams' floor for the default segment interval.
    private const long MinSegmentIntervalMs = 60_000;

    /// <summary>A supplier of window stores persisted in RocksDB, one database per time segment.</summary>
    /// <param name="name">The store name: letters, digits, '.', '_' and '-'.</param>
    /// <param name="retentionPeriod">How long windows are kept after their start; at least <paramref name="windowSize"/>.</param>
    /// <param name="windowSize">The size of the windows.</param>
    /// <param name="retainDuplicates">Keep every put, even for an equal key and window (stream-stream join stores).</param>
    /// <exception cref="ArgumentException">A parameter is invalid; the exception names it.</exception>
    public static IWindowBytesStoreSupplier PersistentWindowStore(string name, TimeSpan retentionPeriod, TimeSpan windowSize, bool retainDuplicates) =>
        WindowSupplier(name, retentionPeriod, windowSize, retainDuplicates, persistent: true);

    /// <summary>
    /// A supplier of RocksDB window stores for timestamped values; the layout is the same as
    /// <see cref="PersistentWindowStore"/>'s (the timestamp is part of the value bytes).
    /// </summary>
    /// <inheritdoc cref="PersistentWindowStore" path="/param"/>
    /// <exception cref="ArgumentException">A parameter is invalid; the exception names it.</exception>
    public static IWindowBytesStoreSupplier PersistentTimestampedWindowStore(
        string name, TimeSpan retentionPeriod, TimeSpan windowSize, bool retainDuplicates) =>
        WindowSupplier(name, retentionPeriod, windowSize, retainDuplicates, persistent: true);

    /// <summary>A supplier of window stores held in memory (restored from the changelog on restart).</summary>
    /// <inheritdoc cref="PersistentWindowStore" path="/param"/>
    /// <exception cref="ArgumentException">A parameter is invalid; the exception names it.</exception>
    public static IWindowBytesStoreSupplier InMemoryWindowStore(string name, TimeSpan retentionPeriod, TimeSpan windowSize, bool retainDuplicates) =>
        WindowSupplier(name, retentionPeriod, windowSize, retainDuplicates, persistent: false);

    /// <summary>A supplier of session stores persisted in RocksDB, one database per time segment (by session end).</summary>
    /// <param name="name">The store name: letters, digits, '.', '_' and '-'.</param>
    /// <param name="retentionPeriod">How long sessions are kept after their end; positive.</param>
    /// <exception cref="ArgumentException">A parameter is invalid; the exception names it.</exception>
    public static ISessionBytesStoreSupplier PersistentSessionStore(string name, TimeSpan retentionPeriod) =>
        SessionSupplier(name, retentionPeriod, persistent: true);

    /// <summary>A supplier of session stores held in memory (restored from the changelog on restart).</summary>
    /// <inheritdoc cref="PersistentSessionStore" path="/param"/>
    /// <exception cref="ArgumentException">A parameter is invalid; the exception names it.</exception>
    public static ISessionBytesStoreSupplier InMemorySessionStore(string name, TimeSpan retentionPeriod) =>
        SessionSupplier(name, retentionPeriod, persistent: false);

    private static WindowBytesStoreSupplier WindowSupplier(
        string name, TimeSpan retentionPeriod, TimeSpan windowSize, bool retainDuplicates, bool persistent)
    {
        ValidateStoreName(name);
        var retentionMs = PositiveMillis(retentionPeriod, nameof(retentionPeriod));
        var windowSizeMs = PositiveMillis(windowSize, nameof(windowSize));
        if (windowSizeMs > retentionMs)
        {
            throw new ArgumentException(
                $"The retention period ({retentionMs} ms) of window store '{name}' must be at least its window size ({windowSizeMs} ms)",
                nameof(retentionPeriod));
        }

        return new WindowBytesStoreSupplier(name, retentionMs, windowSizeMs, retainDuplicates, DefaultSegmentInterval(retentionMs), persistent);
    }

    private static SessionBytesStoreSupplier SessionSupplier(string name, TimeSpan retentionPeriod, bool persistent)
    {
        ValidateStoreName(name);
        var retentionMs = PositiveMillis(retentionPeriod, nameof(retentionPeriod));
        return new SessionBytesStoreSupplier(name, retentionMs, DefaultSegmentInterval(retentionMs), persistent);
    }

    // Kafka Streams' default: two segments span the retention period, but a segment is at least a minute.
    private static long DefaultSegmentInterval(long retentionMs) => Math.Max(retentionMs / 2, MinSegmentIntervalMs);

    private static long PositiveMillis(TimeSpan span, string parameterName)
    {
        var ms = (long)span.TotalMilliseconds;
        if (ms <= 0)
        {
            throw new ArgumentException($"{parameterName} must be at least one millisecond, got {span}", parameterName);
        }

        return ms;
    }
}
