using StreamsApp.Streams.Errors;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Queries;

namespace StreamsApp.Streams.Testing.Internal;

/// <summary>
/// What the multi-partition window and session views share: reads go through the runtime's interactive-query
/// composites over every task's store, in partition order (the driver runs on the calling thread, so no lock is
/// needed). Writes are not supported: tests write through their own topology, or ask for one partition's store.
/// </summary>
internal abstract class PartitionedReadOnlyView<TStore>(IReadOnlyList<TStore> byPartition) : IQueryableStoreProvider
    where TStore : IStateStore
{
    public string Name => byPartition[0].Name;

    public bool Persistent => byPartition[0].Persistent;

    public bool IsOpen => byPartition[0].IsOpen;

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

    /// <summary>The composites' access to the stores: each partition's in turn.</summary>
    public List<T> Read<T>(Func<IStateStore, T> read) => [.. byPartition.Select(store => read(store))];
}

/// <summary>A window store seen across every task that has it (read-only).</summary>
internal sealed class PartitionedWindowStoreView<TKey, TValue> : PartitionedReadOnlyView<IWindowStore<TKey, TValue>>, IWindowStore<TKey, TValue>
{
    private readonly CompositeReadOnlyWindowStore<TKey, TValue> _reads;

    public PartitionedWindowStoreView(IReadOnlyList<IWindowStore<TKey, TValue>> byPartition)
        : base(byPartition) => _reads = new(this, store => (IWindowStore<TKey, TValue>)store);

    public void Put(TKey key, TValue? value, long windowStartMs) => throw ReadOnly();

    public bool TryFetch(TKey key, long windowStartMs, out TValue value) => _reads.TryFetch(key, windowStartMs, out value);

    public IKeyValueEnumerable<long, TValue> Fetch(TKey key, long timeFromMs, long timeToMs) => _reads.Fetch(key, timeFromMs, timeToMs);

    public IKeyValueEnumerable<long, TValue> BackwardFetch(TKey key, long timeFromMs, long timeToMs) => _reads.BackwardFetch(key, timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<TKey>, TValue> Fetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        _reads.Fetch(keyFrom, keyTo, timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetch(TKey? keyFrom, TKey? keyTo, long timeFromMs, long timeToMs) =>
        _reads.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<TKey>, TValue> FetchAll(long timeFromMs, long timeToMs) => _reads.FetchAll(timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardFetchAll(long timeFromMs, long timeToMs) => _reads.BackwardFetchAll(timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<TKey>, TValue> All() => _reads.All();

    public IKeyValueEnumerable<Windowed<TKey>, TValue> BackwardAll() => _reads.BackwardAll();
}

/// <summary>A session store seen across every task that has it (read-only).</summary>
internal sealed class PartitionedSessionStoreView<TKey, TAggregate> : PartitionedReadOnlyView<ISessionStore<TKey, TAggregate>>, ISessionStore<TKey, TAggregate>
{
    private readonly CompositeReadOnlySessionStore<TKey, TAggregate> _reads;

    public PartitionedSessionStoreView(IReadOnlyList<ISessionStore<TKey, TAggregate>> byPartition)
        : base(byPartition) => _reads = new(this, store => (ISessionStore<TKey, TAggregate>)store);

    public void Put(Windowed<TKey> sessionKey, TAggregate? aggregate) => throw ReadOnly();

    public void Remove(Windowed<TKey> sessionKey) => throw ReadOnly();

    public bool TryFetchSession(TKey key, long startMs, long endMs, out TAggregate aggregate) =>
        _reads.TryFetchSession(key, startMs, endMs, out aggregate);

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> FindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs) =>
        _reads.FindSessions(key, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs) =>
        _reads.BackwardFindSessions(key, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> FindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        _reads.FindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        _reads.BackwardFindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> Fetch(TKey key) => _reads.Fetch(key);

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFetch(TKey key) => _reads.BackwardFetch(key);

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> Fetch(TKey? keyFrom, TKey? keyTo) => _reads.Fetch(keyFrom, keyTo);

    public IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFetch(TKey? keyFrom, TKey? keyTo) => _reads.BackwardFetch(keyFrom, keyTo);
}
