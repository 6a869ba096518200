using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>
/// One pass over a key range of an interactive query over every local store of one name, read a page at a time, each
/// page under its store's lock: a stream thread waits for at most one page, and a pass holds one page in memory however
/// large the range. The stores are read one after another in task order, as Kafka Streams' composite iterators do.
/// A page reads one entry more than it returns, and the next page starts from that entry's key, so no key comparison
/// is needed. The pass is not a snapshot: no entry shows twice and none present throughout is missed, but a key
/// written between pages shows only if it sorts from the next page's first key on. A store that closes or moves
/// between pages ends the pass with <see cref="StateStoreMigratedException"/>, as Kafka Streams' iterators throw
/// when their store closes.
/// </summary>
internal sealed class PagedKeyValueEnumerator<TKey, TValue> : IKeyValueEnumerator<TKey, TValue>
{
    /// <summary>Entries per page: bounds how long a stream thread waits for a query, and the memory a scan holds.</summary>
    public const int DefaultPageSize = 1000;

    private readonly IQueryableStoreProvider _provider;
    private readonly Func<IStateStore, IReadOnlyKeyValueStore<TKey, TValue>> _view;
    private readonly Func<IReadOnlyKeyValueStore<TKey, TValue>, IKeyValueEnumerable<TKey, TValue>> _first;
    private readonly Func<IReadOnlyKeyValueStore<TKey, TValue>, TKey, IKeyValueEnumerable<TKey, TValue>> _resume;
    private readonly int _pageSize;
    private readonly Queue<IStateStore> _stores;
    private IStateStore? _store;
    private bool _resuming;
    private TKey _resumeKey = default!;
    private List<KeyValue<TKey, TValue>> _page = [];
    private int _position = -1;

    /// <param name="provider">The stores, listed now and looked up again for each page.</param>
    /// <param name="view">A store as the query's typed view.</param>
    /// <param name="first">A store's range.</param>
    /// <param name="resume">The rest of a store's range from a key (inclusive) on.</param>
    /// <param name="pageSize">Entries per page.</param>
    public PagedKeyValueEnumerator(
        IQueryableStoreProvider provider,
        Func<IStateStore, IReadOnlyKeyValueStore<TKey, TValue>> view,
        Func<IReadOnlyKeyValueStore<TKey, TValue>, IKeyValueEnumerable<TKey, TValue>> first,
        Func<IReadOnlyKeyValueStore<TKey, TValue>, TKey, IKeyValueEnumerable<TKey, TValue>> resume,
        int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _provider = provider;
        _view = view;
        _first = first;
        _resume = resume;
        _pageSize = pageSize;
        _stores = new Queue<IStateStore>(provider.Read(store => store));
    }

    /// <inheritdoc />
    public KeyValue<TKey, TValue> Current =>
        _position >= 0 && _position < _page.Count
            ? _page[_position]
            : throw new InvalidOperationException("The enumerator is not positioned on an entry.");

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!HasNext())
        {
            _position = _page.Count;
            return false;
        }

        _position++;
        return true;
    }

    /// <inheritdoc />
    public TKey PeekNextKey() =>
        HasNext() ? _page[_position + 1].Key : throw new InvalidOperationException("The enumerator has no next entry.");

    /// <summary>Pages hold copies, so there is nothing to release but the remaining work.</summary>
    public void Dispose()
    {
        _stores.Clear();
        _store = null;
        _page = [];
        _position = -1;
    }

    private bool HasNext()
    {
        while (_position + 1 >= _page.Count)
        {
            if (!ReadNextPage())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the next page of the current store, or the first page of the next store; false after the last.</summary>
    private bool ReadNextPage()
    {
        if (_store is null)
        {
            if (!_stores.TryDequeue(out var next))
            {
                return false;
            }

            _store = next;
            _resuming = false;
        }

        var target = _store;
        var page = _provider.Read(store => ReferenceEquals(store, target) ? ReadPage(_view(store)) : null).Find(p => p is not null)
            ?? throw new StateStoreMigratedException(
                $"Store '{target.Name}' closed or moved to another instance during the enumeration; query it again");

        _resuming = page.Count > _pageSize;
        if (_resuming)
        {
            _resumeKey = page[_pageSize].Key;
            page.RemoveAt(_pageSize);
        }
        else
        {
            _store = null;
        }

        _page = page;
        _position = -1;
        return true;
    }

    private List<KeyValue<TKey, TValue>> ReadPage(IReadOnlyKeyValueStore<TKey, TValue> store)
    {
        using var range = (_resuming ? _resume(store, _resumeKey) : _first(store)).GetEnumerator();
        var entries = new List<KeyValue<TKey, TValue>>();
        while (entries.Count <= _pageSize && range.MoveNext())
        {
            entries.Add(range.Current);
        }

        return entries;
    }
}
