namespace StreamsApp.Streams.State.Internal.InMemory;

/// <summary>
/// A map from byte-array keys to byte-array values ordered by <see cref="ByteArrayComparer"/> (a red-black tree),
/// with inclusive range copies. Not thread-safe: <see cref="InMemoryKeyValueStore"/> guards it with a lock.
/// </summary>
internal sealed class SortedBytesMap
{
    private readonly SortedSet<Entry> _entries = new(EntryComparer.Instance);

    // Reusable search keys so that lookups allocate nothing; safe because the map is single-threaded.
    private readonly Entry _lowerProbe = new([], []);
    private readonly Entry _upperProbe = new([], []);

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Looks up a key.</summary>
    public bool TryGet(byte[] key, out byte[] value)
    {
        if (Find(key) is { } entry)
        {
            value = entry.Value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Inserts or replaces a value.</summary>
    public void Put(byte[] key, byte[] value)
    {
        if (Find(key) is { } entry)
        {
            // Replace in place: no tree rebalancing and no allocation for an overwrite.
            entry.Value = value;
        }
        else
        {
            _entries.Add(new Entry(key, value));
        }
    }

    /// <summary>Removes a key.</summary>
    /// <returns>True when the key was present (its value is in <paramref name="oldValue"/>).</returns>
    public bool Remove(byte[] key, out byte[] oldValue)
    {
        if (Find(key) is { } entry)
        {
            _entries.Remove(entry);
            oldValue = entry.Value;
            return true;
        }

        oldValue = null!;
        return false;
    }

    /// <summary>Removes every entry.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>
    /// Copies the entries with keys from <paramref name="from"/> to <paramref name="to"/> inclusive (null bounds are
    /// open), skipping keys that do not start with <paramref name="requiredPrefix"/> when it is given.
    /// </summary>
    /// <param name="from">The lower bound, or null.</param>
    /// <param name="to">The upper bound, or null.</param>
    /// <param name="requiredPrefix">A prefix every copied key must start with, or null.</param>
    /// <param name="count">How many entries of the returned array were filled, in ascending key order.</param>
    public KeyValue<byte[], byte[]>[] CopyRange(byte[]? from, byte[]? to, byte[]? requiredPrefix, out int count)
    {
        count = 0;
        var view = View(from, to);
        if (view is null)
        {
            return [];
        }

        var copy = new KeyValue<byte[], byte[]>[view.Count];
        foreach (var entry in view)
        {
            if (requiredPrefix is null || entry.Key.AsSpan().StartsWith(requiredPrefix))
            {
                copy[count++] = new KeyValue<byte[], byte[]>(entry.Key, entry.Value);
            }
        }

        return copy;
    }

    // The entries between the bounds (inclusive), or null when none can match.
    private SortedSet<Entry>? View(byte[]? from, byte[]? to)
    {
        if (_entries.Count == 0)
        {
            return null;
        }

        if (from is null && to is null)
        {
            return _entries;
        }

        var lower = from is null ? _entries.Min! : Probe(_lowerProbe, from);
        var upper = to is null ? _entries.Max! : Probe(_upperProbe, to);

        // GetViewBetween throws when lower > upper, e.g. for a lower bound above the largest key.
        return EntryComparer.Instance.Compare(lower, upper) > 0 ? null : _entries.GetViewBetween(lower, upper);
    }

    private Entry? Find(byte[] key) => _entries.TryGetValue(Probe(_lowerProbe, key), out var entry) ? entry : null;

    private static Entry Probe(Entry probe, byte[] key)
    {
        probe.Key = key;
        return probe;
    }

    // Mutable so that an overwrite replaces the value in place and so that probes can be reused.
    private sealed class Entry(byte[] key, byte[] value)
    {
        public byte[] Key { get; set; } = key;

        public byte[] Value { get; set; } = value;
    }

    private sealed class EntryComparer : IComparer<Entry>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare(Entry? x, Entry? y) => ByteArrayComparer.Instance.Compare(x?.Key, y?.Key);
    }
}
