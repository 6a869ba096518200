namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// One store's part of the thread cache: entries by key, least recently used first, and the dirty keys in the
/// order of their last write (the order a flush forwards them; a rewritten key moves last, as in Kafka Streams, so
/// that what a flush forwards is a subsequence, in order, of the uncached updates). The keys are also kept sorted (as
/// Kafka Streams' TreeMap), so that a range costs its entries and not the whole cache: stores read ranges per record.
/// </summary>
internal sealed class NamedCache(string name, Action<IReadOnlyList<CacheEntry>> flushListener, ThreadCache owner)
{
    private readonly Dictionary<byte[], CacheEntry> _entries = new(ByteArrayComparer.Instance);
    private readonly SortedSet<byte[]> _sortedKeys = new(ByteArrayComparer.Instance);
    private readonly LinkedList<CacheEntry> _lru = new();
    private readonly LinkedList<CacheEntry> _dirty = new();
    private readonly List<CacheEntry> _flushBuffer = [];
    private bool _flushing;

    public string Name { get; } = name;

    public long SizeBytes { get; private set; }

    public int Count => _entries.Count;

    public CacheEntry? Get(byte[] key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        Touch(entry);
        return entry;
    }

    /// <summary>Writes a key's entry, updating an existing one in place (no allocation on the hot path).</summary>
    public void Put(in CacheWrite write)
    {
        if (_entries.TryGetValue(write.Key, out var existing))
        {
            Resize(-existing.Size);
            existing.Value = write.Value;
            existing.Timestamp = write.Timestamp;
            existing.Headers = write.Headers;
            if (write.IsDirty)
            {
                MarkDirty(existing);
            }

            Resize(existing.Size);
            Touch(existing);
            return;
        }

        var entry = new CacheEntry(write.Key, write.Value, false, write.Timestamp, write.Headers);
        _entries.Add(entry.Key, entry);
        _sortedKeys.Add(entry.Key);
        entry.LruNode = _lru.AddLast(entry);
        Resize(entry.Size);
        if (write.IsDirty)
        {
            MarkDirty(entry);
        }
    }

    /// <summary>Forwards every dirty entry to the listener, in dirty order, and marks them clean; deletes leave the cache.</summary>
    public void Flush()
    {
        if (_dirty.Count == 0)
        {
            return;
        }

        // The listener may write to this cache and flush it again (through an eviction): only the outermost flush
        // may reuse the buffer.
        var batch = _flushing ? new List<CacheEntry>(_dirty.Count) : _flushBuffer;
        var outermost = !_flushing;
        batch.Clear();
        batch.AddRange(_dirty);
        _dirty.Clear();
        foreach (var entry in batch)
        {
            entry.IsDirty = false;
        }

        _flushing = true;
        try
        {
            flushListener(batch);
        }
        finally
        {
            _flushing = !outermost;
        }

        // A flushed delete leaves the cache, as in Kafka Streams: the store no longer has the key either, so the
        // entry would only take budget. Not if the listener wrote the key again meanwhile.
        foreach (var entry in batch)
        {
            if (entry.Value is null && !entry.IsDirty)
            {
                Remove(entry);
            }
        }
    }

    /// <summary>Drops the least recently used entry, flushing first if it is dirty (dirty order must hold).</summary>
    public void EvictEldest()
    {
        var eldest = _lru.First?.Value;
        if (eldest is null)
        {
            return;
        }

        if (eldest.IsDirty)
        {
            Flush();

            // The flush's listener may have written the key again (updating this entry in place and making it the
            // most recently used): dropping it now would lose that write.
            if (eldest.IsDirty)
            {
                return;
            }
        }

        Remove(eldest);
    }

    /// <summary>Entries with keys in [from, to] (null bounds are open), sorted by key.</summary>
    public List<CacheEntry> Range(byte[]? from, byte[]? to)
    {
        var result = new List<CacheEntry>();
        if (_sortedKeys.Count == 0)
        {
            return result;
        }

        var lower = from ?? _sortedKeys.Min!;
        var upper = to ?? _sortedKeys.Max!;
        if (ByteArrayComparer.Instance.Compare(lower, upper) > 0)
        {
            return result;
        }

        foreach (var key in _sortedKeys.GetViewBetween(lower, upper))
        {
            result.Add(_entries[key]);
        }

        return result;
    }

    /// <summary>The smallest cached key from <paramref name="from"/> on (inclusive); null when there is none.</summary>
    public byte[]? FirstKeyFrom(byte[] from) =>
        _sortedKeys.Count == 0 || ByteArrayComparer.Instance.Compare(from, _sortedKeys.Max!) > 0
            ? null
            : _sortedKeys.GetViewBetween(from, _sortedKeys.Max!).Min;

    public void Clear()
    {
        _entries.Clear();
        _sortedKeys.Clear();
        _lru.Clear();
        _dirty.Clear();
        Resize(-SizeBytes);
    }

    // Removes the entry if it is still cached: a flush (or an eviction nested in its listener) may have removed it.
    private void Remove(CacheEntry entry)
    {
        if (!_entries.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry))
        {
            return;
        }

        _entries.Remove(entry.Key);
        _sortedKeys.Remove(entry.Key);
        _lru.Remove(entry.LruNode!);
        Resize(-entry.Size);
    }

    private void Resize(long delta)
    {
        SizeBytes += delta;
        owner.OnResize(delta);
    }

    // Appends to the dirty order, moving an already dirty entry from its earlier place. Each entry keeps one list
    // node for its whole life, so marking dirty does not allocate.
    private void MarkDirty(CacheEntry entry)
    {
        var node = entry.DirtyNode ??= new LinkedListNode<CacheEntry>(entry);
        if (node.List is not null)
        {
            _dirty.Remove(node);
        }

        _dirty.AddLast(node);
        entry.IsDirty = true;
    }

    private void Touch(CacheEntry entry)
    {
        _lru.Remove(entry.LruNode!);
        _lru.AddLast(entry.LruNode!);
    }
}
