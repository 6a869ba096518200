using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.RocksDb;
using StreamsApp.Streams.State.Internal.Segmented;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A stream thread's gauges, measured on the reader's thread (a scrape): the consumer lag of the partitions of its
/// tasks, and the size of each task's stores (group <c>stream-state-metrics</c>): <c>estimate-num-keys</c> (RocksDB's
/// estimate, an in-memory store's count; summed over a window or session store's segments) and, for RocksDB,
/// <c>estimate-live-data-size</c>. Stores are read
/// under the thread's store lock, as interactive queries do (decision 0016), so a read never races the thread or a
/// store's close. A dead thread has none.
/// </summary>
internal sealed class ThreadGauges(StreamThread thread, ConsumerLag lag)
{
    private const string StoreGroup = "stream-state-metrics";

    public void Read(ICollection<MetricValue> values)
    {
        if (thread.State == StreamThreadState.Dead)
        {
            return;
        }

        var tasks = thread.Tasks;
        var assigned = new HashSet<(string Topic, int Partition)>();
        foreach (var task in tasks)
        {
            foreach (var partition in task.InputPartitions)
            {
                assigned.Add((partition.Topic, partition.Partition.Value));
            }
        }

        lag.Read(thread.Name, assigned, values);
        foreach (var task in tasks)
        {
            ReadStores(task, values);
        }
    }

    private void ReadStores(StreamTask task, ICollection<MetricValue> values)
    {
        var taskId = task.Id.ToString();
        lock (thread.StoreLock)
        {
            foreach (var registered in task.Context.StateManager.Stores)
            {
                if (!registered.Store.IsOpen || Size(registered.Store) is not (var scope, var keys, var liveDataSize))
                {
                    continue;
                }

                string[] tags = ["thread-id", thread.Name, "task-id", taskId, scope + "-state-id", registered.Store.Name];
                values.Add(new MetricValue(MetricName.Of("estimate-num-keys", StoreGroup, tags), keys));
                if (liveDataSize is { } bytes)
                {
                    values.Add(new MetricValue(MetricName.Of("estimate-live-data-size", StoreGroup, tags), bytes));
                }
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
