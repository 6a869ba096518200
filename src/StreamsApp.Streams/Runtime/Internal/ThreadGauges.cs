using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A stream thread's gauges, measured on the reader's thread (a scrape): the consumer lag of the partitions of its
/// tasks, and the size of each task's stores (<see cref="StoreGauges"/>). Stores are read under the thread's store
/// lock, as interactive queries do (decision 0016), so a read never races the thread or a store's close. A dead
/// thread has none.
/// </summary>
internal sealed class ThreadGauges(StreamThread thread, ConsumerLag lag)
{
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
        lock (thread.StoreLock)
        {
            StoreGauges.Read(thread.Name, task.Id.ToString(), task.StateManager.Stores.Select(r => r.Store), values);
        }
    }
}
