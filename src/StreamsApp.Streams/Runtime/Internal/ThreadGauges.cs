using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.RocksDb;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A stream thread's gauges, measured on the reader's thread (a scrape): the consumer lag of the partitions of its
/// tasks, and the size of each task's key-value stores (group <c>stream-state-metrics</c>): <c>estimate-num-keys</c>
/// (RocksDB's estimate, an in-memory store's count) and, for RocksDB, <c>estimate-live-data-size</c>. Stores are read
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
                if (registered.Store is not IKeyValueStore<byte[], byte[]> { IsOpen: true } store)
                {
                    continue;
                }

                string[] tags = ["thread-id", thread.Name, "task-id", taskId, (store.Persistent ? "rocksdb" : "in-memory") + "-state-id", store.Name];
                values.Add(new MetricValue(MetricName.Of("estimate-num-keys", StoreGroup, tags), store.ApproximateNumEntries));
                if (store is RocksDbKeyValueStore rocksDb)
                {
                    values.Add(new MetricValue(MetricName.Of("estimate-live-data-size", StoreGroup, tags), rocksDb.EstimateLiveDataSize));
                }
            }
        }
    }
}
