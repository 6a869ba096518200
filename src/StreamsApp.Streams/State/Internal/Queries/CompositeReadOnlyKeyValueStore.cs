using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>
/// A key-value store of an interactive query: reads every local store of one name (one per task) through its
/// caching layer, so writes not yet committed show. Ranges and scans read the stores when they are enumerated, anew
/// each time: ranges a page at a time (see <see cref="PagedKeyValueEnumerator{TKey, TValue}"/>), a prefix scan whole
/// (see <see cref="Materialized"/>).
/// </summary>
internal sealed class CompositeReadOnlyKeyValueStore<TKey, TValue>(
    IQueryableStoreProvider provider,
    Func<IStateStore, IReadOnlyKeyValueStore<TKey, TValue>> view,
    int pageSize = PagedKeyValueEnumerator<TKey, TValue>.DefaultPageSize) : IReadOnlyKeyValueStore<TKey, TValue>
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

    public IKeyValueEnumerable<TKey, TValue> Range(TKey? from, TKey? to) =>
        Paged(store => store.Range(from, to), (store, resume) => store.Range(resume, to));

    public IKeyValueEnumerable<TKey, TValue> ReverseRange(TKey? from, TKey? to) =>
        Paged(store => store.ReverseRange(from, to), (store, resume) => store.ReverseRange(from, resume));

    public IKeyValueEnumerable<TKey, TValue> All() =>
        Paged(store => store.All(), (store, resume) => store.Range(resume, default), resumesToAnOpenBound: true);

    public IKeyValueEnumerable<TKey, TValue> ReverseAll() =>
        Paged(store => store.ReverseAll(), (store, resume) => store.ReverseRange(default, resume), resumesToAnOpenBound: true);

    // PrefixScan reads in one page per store: the rest of a prefix from a key has no bound a TKey can express. The
    // stores are read when the result is enumerated, so the arguments are checked here, at the call.
    public IKeyValueEnumerable<TKey, TValue> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer)
    {
        _ = KeyBytes.SerializePrefix(prefix, prefixSerializer);
        return Materialized.Concat(provider, view, store => store.PrefixScan(prefix, prefixSerializer));
    }

    public long ApproximateNumEntries => provider.Read(store => view(store).ApproximateNumEntries).Aggregate(0L, (sum, n) => n > long.MaxValue - sum ? long.MaxValue : sum + n);

    /// <summary>
    /// A range read a page at a time. A resumed All() has a null (open) bound, which a non-nullable value-type key
    /// cannot be: such stores are read in one page each.
    /// </summary>
    private DeferredKeyValueEnumerable<TKey, TValue> Paged(
        Func<IReadOnlyKeyValueStore<TKey, TValue>, IKeyValueEnumerable<TKey, TValue>> first,
        Func<IReadOnlyKeyValueStore<TKey, TValue>, TKey, IKeyValueEnumerable<TKey, TValue>> resume,
        bool resumesToAnOpenBound = false)
    {
        var size = resumesToAnOpenBound && default(TKey) is not null ? int.MaxValue : pageSize;
        return new(() => new PagedKeyValueEnumerator<TKey, TValue>(provider, view, first, resume, size));
    }
}
