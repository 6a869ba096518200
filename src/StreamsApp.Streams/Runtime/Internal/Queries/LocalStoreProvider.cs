using StreamsApp.Streams.Errors;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Queries;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>
/// Finds an instance's stores of one name for an interactive query (Kafka Streams' <c>WrappingStoreProvider</c> over
/// its stream threads, or the global store), looked up again on every read so that a view outlives rebalances: the
/// global store, or the store of each task of the live threads — only of running threads and tasks unless stale
/// stores are enabled, which adds the standby replicas — each read under its thread's store lock.
/// </summary>
internal sealed class LocalStoreProvider(LocalStoreSource source, string storeName, int? partition, bool stale) : IQueryableStoreProvider
{
    public List<T> Read<T>(Func<IStateStore, T> read)
    {
        source.EnsureQueryable(storeName);
        if (source.Global is { } global && global.TryGetStore(storeName, out var globalStore))
        {
            lock (global.StoreLock)
            {
                return globalStore.IsOpen
                    ? [read(globalStore)]
                    : throw new StateStoreNotAvailableException($"Global store '{storeName}' is closed; the instance is shutting down");
            }
        }

        var results = new List<T>();
        foreach (var thread in source.Threads())
        {
            if (thread.State == StreamThreadState.Dead)
            {
                continue;
            }

            if (!stale && !thread.ServesRunningTasks)
            {
                throw Migrated($"its stream thread is {thread.State}, not Running");
            }

            foreach (var task in thread.Tasks)
            {
                ReadTask(task, thread.StoreLock, read, results);
            }
        }

        if (stale && source.Standbys is { } standbys)
        {
            foreach (var standby in standbys.Tasks)
            {
                ReadTask(standby.Task, standbys.StoreLock, read, results);
            }
        }

        return results.Count > 0 ? results : throw NoneFound();
    }

    /// <summary>Reads the task's store of the name, if it has one, it is open, and it may be read.</summary>
    private void ReadTask<T>(StreamTask task, Lock storeLock, Func<IStateStore, T> read, List<T> results)
    {
        if ((partition is { } p && task.Id.Partition != p) || !task.Context.HasStore(storeName))
        {
            return;
        }

        lock (storeLock)
        {
            var store = task.Context.GetStore(storeName);
            if (store.IsOpen && (stale || task.IsRunning))
            {
                results.Add(read(store));
            }
        }
    }

    private InvalidStateStoreException NoneFound()
    {
        if (partition is { } p && source.PartitionCount(storeName) is { } count && p >= count)
        {
            return new InvalidStateStorePartitionException(
                $"Store '{storeName}' has {count} partitions, so partition {p} does not exist; query a partition from 0 to {count - 1}");
        }

        return Migrated(partition is { } q ? $"no running task of this instance hosts its partition {q}" : "no running task of this instance hosts it");
    }

    private StateStoreMigratedException Migrated(string why) =>
        new($"Cannot query store '{storeName}' here now: {why}. It may be restoring or have migrated to another instance; " +
            "find its host again with QueryMetadataForKey and retry later");
}
