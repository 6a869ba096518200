using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>
/// A key-value store of an interactive query: reads every local store of one name (one per task) through its
/// caching layer, so writes not yet committed show; iterators are materialized (see <see cref="Materialized"/>).
/// </summary>
internal sealed class CompositeReadOnlyKeyValueStore<TKey, TValue>(
    IQueryableStoreProvider provider, Func<IStateStore, IReadOnlyKeyValueStore<TKey, TValue>> view) : IReadOnlyKeyValueStore<TKey, TValue>
{
    public bool TryGet(TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var (found, stored) in provider.Read(store => view(store).TryGet(key, out var v) ? (true, v) : (false, default(TValue)!)))
        {
            if (found)
            {
                value = stored;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public IKeyValueIterator<TKey, TValue> Range(TKey? from, TKey? to) =>
        Materialized.Concat(provider.Read(store => Materialized.Read(view(store).Range(from, to))));

    public IKeyValueIterator<TKey, TValue> ReverseRange(TKey? from, TKey? to) =>
        Materialized.Concat(provider.Read(store => Materialized.Read(view(store).ReverseRange(from, to))));

    public IKeyValueIterator<TKey, TValue> All() => Materialized.Concat(provider.Read(store => Materialized.Read(view(store).All())));

    public IKeyValueIterator<TKey, TValue> ReverseAll() => Materialized.Concat(provider.Read(store => Materialized.Read(view(store).ReverseAll())));

    public IKeyValueIterator<TKey, TValue> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer) =>
        Materialized.Concat(provider.Read(store => Materialized.Read(view(store).PrefixScan(prefix, prefixSerializer))));

    public long ApproximateNumEntries => provider.Read(store => view(store).ApproximateNumEntries).Aggregate(0L, (sum, n) => n > long.MaxValue - sum ? long.MaxValue : sum + n);
}
