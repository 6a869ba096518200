using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;
using StreamsApp.Streams.Testing.Internal;

namespace StreamsApp.Streams.Testing;

/// <summary>Store access for assertions (and for setting up state before piping input).</summary>
public sealed partial class TopologyTestDriver
{
    /// <summary>
    /// A key-value store by name; a timestamped store is shown without timestamps. With several partitions, pass
    /// one to get that task's store, or none to get a view over all of them.
    /// </summary>
    public IKeyValueStore<TKey, TValue> GetKeyValueStore<TKey, TValue>(string name, int? partition = null) =>
        Store<TKey, TValue, IKeyValueStore<TKey, TValue>>(name, partition, store => store switch
        {
            ITimestampedKeyValueStore<TKey, TValue> timestamped => new TimestampedStoreFacade<TKey, TValue>(timestamped),
            IKeyValueStore<TKey, TValue> plain => plain,
            _ => null,
        });

    /// <summary>A timestamped key-value store by name (the DSL's tables and aggregations), values with their timestamps.</summary>
    public IKeyValueStore<TKey, ValueAndTimestamp<TValue>> GetTimestampedKeyValueStore<TKey, TValue>(string name, int? partition = null) =>
        Store<TKey, ValueAndTimestamp<TValue>, IKeyValueStore<TKey, ValueAndTimestamp<TValue>>>(
            name, partition, store => store as ITimestampedKeyValueStore<TKey, TValue>);

    /// <summary>
    /// A window store by name; a timestamped store is shown without timestamps. With several partitions, pass one
    /// to get that task's store, or none to get a read-only view over all of them.
    /// </summary>
    public IWindowStore<TKey, TValue> GetWindowStore<TKey, TValue>(string name, int? partition = null) =>
        WindowedStore<IWindowStore<TKey, TValue>>(
            name,
            partition,
            store => store switch
            {
                ITimestampedWindowStore<TKey, TValue> timestamped => new TimestampedWindowStoreFacade<TKey, TValue>(timestamped),
                IWindowStore<TKey, TValue> plain => plain,
                _ => null,
            },
            stores => new PartitionedWindowStoreView<TKey, TValue>(stores));

    /// <summary>A timestamped window store by name (the DSL's windowed aggregations), values with their timestamps.</summary>
    public IWindowStore<TKey, ValueAndTimestamp<TValue>> GetTimestampedWindowStore<TKey, TValue>(string name, int? partition = null) =>
        WindowedStore<IWindowStore<TKey, ValueAndTimestamp<TValue>>>(
            name,
            partition,
            store => store as ITimestampedWindowStore<TKey, TValue>,
            stores => new PartitionedWindowStoreView<TKey, ValueAndTimestamp<TValue>>(stores));

    /// <summary>A session store by name; with several partitions and none given, a read-only view over all of them.</summary>
    public ISessionStore<TKey, TAggregate> GetSessionStore<TKey, TAggregate>(string name, int? partition = null) =>
        WindowedStore<ISessionStore<TKey, TAggregate>>(
            name,
            partition,
            store => store as ISessionStore<TKey, TAggregate>,
            stores => new PartitionedSessionStoreView<TKey, TAggregate>(stores));

    private TStore WindowedStore<TStore>(
        string name, int? partition, Func<State.IStateStore, TStore?> view, Func<IReadOnlyList<TStore>, TStore> spanning)
        where TStore : class
    {
        var typed = TaskStores(name, partition).Select(s => view(s) ?? throw new InvalidCastException(
            $"State store '{name}' is a {s.GetType().Name}, not a {typeof(TStore).Name}")).ToList();
        return typed.Count == 1 ? typed[0] : spanning(typed);
    }

    private List<State.IStateStore> TaskStores(string name, int? partition)
    {
        ThrowIfDisposed();
        var stores = _taskOrder
            .Where(t => t.Context.HasStore(name) && (partition is null || t.Id.Partition == partition))
            .Select(t => t.Context.GetStore(name))
            .ToList();
        if (stores.Count == 0 && _globalState?.TryGetStore(name, out var global) == true)
        {
            stores.Add(global);
        }

        if (stores.Count == 0)
        {
            throw new ArgumentException(
                partition is null ? $"No state store named '{name}'" : $"No state store named '{name}' in partition {partition}",
                nameof(name));
        }

        return stores;
    }

    private TView Store<TKey, TValue, TView>(string name, int? partition, Func<State.IStateStore, IKeyValueStore<TKey, TValue>?> view)
        where TView : class, IKeyValueStore<TKey, TValue>
    {
        var stores = TaskStores(name, partition);
        var typed = stores.Select(s => view(s) ?? throw new InvalidCastException(
            $"State store '{name}' is a {s.GetType().Name}, not a store of <{typeof(TKey).Name}, {typeof(TValue).Name}>")).ToList();
        if (typed.Count == 1)
        {
            return (TView)typed[0];
        }

        var rawKeys = (IRawKeyStore<TKey>)stores[0];
        return (TView)(object)new PartitionedStoreView<TKey, TValue>(typed, rawKeys.RawKey);
    }
}
