namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>
/// Query results read in full under a store's lock: an iterator handed to another thread must not read a store
/// while its stream thread writes it, nor break when the task closes under it. The caller bounds the size through
/// its key and time ranges.
/// </summary>
internal static class Materialized
{
    public static List<KeyValue<TKey, TValue>> Read<TKey, TValue>(IKeyValueIterator<TKey, TValue> iterator)
    {
        using (iterator)
        {
            var entries = new List<KeyValue<TKey, TValue>>();
            while (iterator.MoveNext())
            {
                entries.Add(iterator.Current);
            }

            return entries;
        }
    }

    /// <summary>The stores' entries one store after another, in task order (as Kafka Streams' composite iterators).</summary>
    public static IKeyValueIterator<TKey, TValue> Concat<TKey, TValue>(List<List<KeyValue<TKey, TValue>>> perStore)
    {
        var all = perStore.SelectMany(entries => entries).ToArray();
        return new ArrayKeyValueIterator<TKey, TValue>(all, all.Length);
    }

    public static IWindowStoreIterator<TValue> ConcatWindows<TValue>(List<List<KeyValue<long, TValue>>> perStore) =>
        new MappedWindowStoreIterator<long, TValue, TValue>(Concat(perStore), start => start, value => value);
}
