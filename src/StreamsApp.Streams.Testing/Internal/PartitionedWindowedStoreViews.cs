using StreamsApp.Streams.Errors;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Testing.Internal;

/// <summary>
/// The read side shared by the multi-partition window and session views: iterators read every task's store, in
/// partition order, into one snapshot. Writes are not supported: tests write through their own topology, or ask for
/// one partition's store.
/// </summary>
internal abstract class PartitionedReadOnlyView<TStore>(IReadOnlyList<TStore> byPartition)
    where TStore : IStateStore
{
    public string Name => byPartition[0].Name;

    public bool Persistent => byPartition[0].Persistent;

    public bool IsOpen => byPartition[0].IsOpen;

    protected IReadOnlyList<TStore> ByPartition => byPartition;

    public void Init(IStateStoreContext context, IStateStore root) =>
        throw new StreamsException($"The view of store '{Name}' spanning partitions is opened by its tasks, not by itself");

    public void Flush()
    {
        foreach (var store in byPartition)
        {
            store.Flush();
        }
    }

    public void Close() => throw new StreamsException($"The view of store '{Name}' spanning partitions is closed by its tasks");

    protected static NotSupportedException ReadOnly() =>
        new("A store view spanning several partitions is read-only; pass a partition to write to one task's store");

    protected ArrayKeyValueIterator<TKey, TValue> Concat<TKey, TValue>(Func<TStore, IKeyValueIterator<TKey, TValue>> scan)
    {
        var entries = new List<KeyValue<TKey, TValue>>();
        foreach (var store in byPartition)
        {
            using var iterator = scan(store);
            entries.AddRange(iterator);
        }

        return new ArrayKeyValueIterator<TKey, TValue>([.. entries], entries.Count);
    }
}

/// <summary>A window store seen across every task that has it (read-only).</summary>
internal sealed class PartitionedWindowStoreView<TKey, TValue>(IReadOnlyList<IWindowStore<TKey, TValue>> byPartition)
    : PartitionedReadOnlyView<IWindowStore<TKey, TValue>>(byPartition), IWindowStore<TKey, TValue>
{
    public void Put(TKey key, TValue? value, long windowStartMs) => throw ReadOnly();

    public bool TryFetch(TKey key, long windowStartMs, out TValue value)
    {
        foreach (var store in ByPartition)
        {
            if (store.TryFetch(key, windowStartMs, out value))
            {
                return true;
            }
        }

        value = default!;
        return false;
    }

    public IWindowStoreIterator<TValue> Fetch(TKey key, long timeFromMs, long timeToMs) =>
        new MappedWindowStoreIterator<long, TValue, TValue>(Concat(s => s.Fetch(key, timeFromMs, timeToMs)), t => t, v => v);

    public IWindowStoreIterator<TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs) =>
        new MappedWindowStoreIterator<long, TValue, TValue>(Concat(s => s.BackwardFetch(key, timeFromMs, timeToMs)), t => t, v => v);

    public IKeyValueIterator<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Concat(s => s.Fetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        Concat(s => s.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs) => Concat(s => s.FetchAll(timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs) =>
        Concat(s => s.BackwardFetchAll(timeFromMs, timeToMs));

    public IKeyValueIterator<Windowed<TKey>, TValue> All() => Concat(s => s.All());

    public IKeyValueIterator<Windowed<TKey>, TValue> BackwardAll() => Concat(s => s.BackwardAll());
}

/// <summary>A session store seen across every task that has it (read-only).</summary>
internal sealed class PartitionedSessionStoreView<TKey, TAggregate>(IReadOnlyList<ISessionStore<TKey, TAggregate>> byPartition)
    : PartitionedReadOnlyView<ISessionStore<TKey, TAggregate>>(byPartition), ISessionStore<TKey, TAggregate>
{
    public void Put(Windowed<TKey> sessionKey, TAggregate? aggregate) => throw ReadOnly();

    public void Remove(Windowed<TKey> sessionKey) => throw ReadOnly();

    public bool TryFetchSession(TKey key, long startMs, long endMs, out TAggregate aggregate)
    {
        foreach (var store in ByPartition)
        {
            if (store.TryFetchSession(key, startMs, endMs, out aggregate))
            {
                return true;
            }
        }

        aggregate = default!;
        return false;
    }

    public IKeyValueIterator<Windowed<TKey>, TAggregate> FindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs) =>
        Concat(s => s.FindSessions(key, earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueIterator<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs) =>
        Concat(s => s.BackwardFindSessions(key, earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueIterator<Windowed<TKey>, TAggregate> FindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Concat(s => s.FindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueIterator<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Concat(s => s.BackwardFindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs));

    public IKeyValueIterator<Windowed<TKey>, TAggregate> Fetch(TKey key) => Concat(s => s.Fetch(key));

    public IKeyValueIterator<Windowed<TKey>, TAggregate> BackwardFetch(TKey key) => Concat(s => s.BackwardFetch(key));

    public IKeyValueIterator<Windowed<TKey>, TAggregate> Fetch(TKey? keyFrom, TKey? keyTo) => Concat(s => s.Fetch(keyFrom, keyTo));

    public IKeyValueIterator<Windowed<TKey>, TAggregate> BackwardFetch(TKey? keyFrom, TKey? keyTo) => Concat(s => s.BackwardFetch(keyFrom, keyTo));
}
