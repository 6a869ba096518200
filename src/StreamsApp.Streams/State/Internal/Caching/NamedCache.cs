namespace StreamsApp.Streams.State.Internal.Caching;

/// <summary>
/// One store's part of the thread cache: entries by key, least recently used first, and the dirty keys in the
/// order they became dirty (the order a flush forwards them).
/// </summary>
internal sealed class NamedCache(string name, Action<IReadOnlyList<CacheEntry>> flushListener, ThreadCache owner)
{
    private readonly Dictionary<byte[], CacheEntry> _entries = new(ByteArrayComparer.Instance);
    private readonly LinkedList<CacheEntry> _lru = new();
    private readonly List<CacheEntry> _dirty = [];

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

    public void Put(CacheEntry entry)
    {
        if (_entries.TryGetValue(entry.Key, out var existing))
        {
            Resize(-existing.Size);
            existing.Value = entry.Value;
            existing.Timestamp = entry.Timestamp;
            existing.Headers = entry.Headers;
            if (entry.IsDirty && !existing.IsDirty)
            {
                existing.IsDirty = true;
                _dirty.Add(existing);
            }

            Resize(existing.Size);
            Touch(existing);
            return;
        }

        _entries.Add(entry.Key, entry);
        entry.LruNode = _lru.AddLast(entry);
        Resize(entry.Size);
        if (entry.IsDirty)
        {
            _dirty.Add(entry);
        }
    }

    /// <summary>Forwards every dirty entry to the listener, in dirty order, and marks them clean.</summary>
    public void Flush()
    {
        if (_dirty.Count == 0)
        {
            return;
        }

        var batch = _dirty.ToArray();
        _dirty.Clear();
        foreach (var entry in batch)
        {
            entry.IsDirty = false;
        }

        flushListener(batch);
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
        }

        Remove(eldest);
    }

    /// <summary>Entries with keys in [from, to] (null bounds are open), sorted by key.</summary>
    public List<CacheEntry> Range(byte[]? from, byte[]? to)
    {
        var result = new List<CacheEntry>();
        foreach (var entry in _entries.Values)
        {
            if ((from is null || ByteArrayComparer.Instance.Compare(entry.Key, from) >= 0)
                && (to is null || ByteArrayComparer.Instance.Compare(entry.Key, to) <= 0))
            {
                result.Add(entry);
            }
        }

        result.Sort(static (a, b) => ByteArrayComparer.Instance.Compare(a.Key, b.Key));
        return result;
    }

    public void Clear()
    {
        _entries.Clear();
        _lru.Clear();
        _dirty.Clear();
        Resize(-SizeBytes);
    }

    private void Remove(CacheEntry entry)
    {
        _entries.Remove(entry.Key);
        _lru.Remove(entry.LruNode!);
        Resize(-entry.Size);
    }

    private void Resize(long delta)
    {
        SizeBytes += delta;
        owner.OnResize(delta);
    }

    private void Touch(CacheEntry entry)
    {
        _lru.Remove(entry.LruNode!);
        _lru.AddLast(entry.LruNode!);
    }
}
