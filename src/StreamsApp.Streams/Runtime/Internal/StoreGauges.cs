using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.RocksDb;
using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// The size gauges of a task's stores (group <c>stream-state-metrics</c>), for stream threads' tasks and the global
/// stores alike: <c>estimate-num-keys</c> (RocksDB's estimate, an in-memory store's count; summed over a window or
/// session store's segments) and, for RocksDB, <c>estimate-live-data-size</c>. Tagged with the thread, the task
/// (<c>-1_-1</c> for global stores, as Kafka Streams' global task) and <c>&lt;scope&gt;-state-id</c>. The caller
/// holds the lock its stores are written and closed under.
/// </summary>
internal static class StoreGauges
{
    private const string Group = "stream-state-metrics";

    /// <summary>Adds the gauges of the open stores among <paramref name="stores"/> (data layers, as registered).</summary>
    public static void Read(string threadId, string taskId, IEnumerable<IStateStore> stores, ICollection<MetricValue> values)
    {
        foreach (var store in stores)
        {
            if (!store.IsOpen || Size(store) is not (var scope, var keys, var liveDataSize))
            {
                continue;
            }

            string[] tags = ["thread-id", threadId, "task-id", taskId, scope + "-state-id", store.Name];
            values.Add(new MetricValue(MetricName.Of("estimate-num-keys", Group, tags), keys));
            if (liveDataSize is { } bytes)
            {
                values.Add(new MetricValue(MetricName.Of("estimate-live-data-size", Group, tags), bytes));
            }
        }
    }

    /// <summary>A data layer's metrics scope (as its supplier's), key count and, on RocksDB, live data size.</summary>
    private static (string Scope, long Keys, long? LiveDataSize)? Size(IStateStore store) => store switch
    {
        RocksDbKeyValueStore rocksDb => ("rocksdb", rocksDb.ApproximateNumEntries, rocksDb.EstimateLiveDataSize),
        IKeyValueStore<byte[], byte[]> keyValue => (keyValue.Persistent ? "rocksdb" : "in-memory", keyValue.ApproximateNumEntries, null),
        SegmentedWindowStore window => (window.Persistent ? "rocksdb-window" : "in-memory-window", window.Bytes.ApproximateNumEntries, window.Bytes.EstimateLiveDataSize),
        SegmentedSessionStore session => (session.Persistent ? "rocksdb-session" : "in-memory-session", session.Bytes.ApproximateNumEntries, session.Bytes.EstimateLiveDataSize),
        _ => null,
    };
}
