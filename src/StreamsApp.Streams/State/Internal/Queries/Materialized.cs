namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>
/// Query results read in full under a store's lock: a pass handed to another thread must not read a store while its
/// stream thread writes it, nor break when the task closes under it. Each enumeration reads the stores anew. The
/// caller bounds the size through its key and time ranges.
/// </summary>
internal static class Materialized
{
    /// <summary>
    /// A read that, at each enumeration, runs <paramref name="query"/> on every store <paramref name="provider"/>
    /// finds, each read in full under its lock, and yields their entries one store after another, in task order (as
    /// Kafka Streams' composite iterators).
    /// </summary>
    public static DeferredKeyValueEnumerable<TKey, TValue> Concat<TStore, TKey, TValue>(
        IQueryableStoreProvider provider, Func<IStateStore, TStore> view, Func<TStore, IKeyValueEnumerable<TKey, TValue>> query) =>
        new(() =>
        {
            var all = provider.Read(store => Read(query(view(store)))).SelectMany(entries => entries).ToArray();
            return new ArrayKeyValueEnumerator<TKey, TValue>(all, all.Length);
        });

    private static List<KeyValue<TKey, TValue>> Read<TKey, TValue>(IKeyValueEnumerable<TKey, TValue> entries) => [.. entries];
}
