using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal.InMemory;

/// <summary>
/// A byte-level key-value store held in memory in a sorted tree (<see cref="SortedBytesMap"/>), as Kafka Streams'
/// <c>InMemoryKeyValueStore</c>. One stream thread writes while interactive queries read, so every access takes one
/// lock; each pass over a range copies it under that lock, so later writes never disturb the pass. Arrays passed in are kept,
/// not copied: callers must not change them afterwards.
/// </summary>
internal sealed class InMemoryKeyValueStore : IKeyValueStore<byte[], byte[]>, IBatchingStateRestoreCallback, IInMemoryDataLayer, IRangeScanStore
{
    private readonly Lock _gate = new();
    private SortedBytesMap _map = new();
    private bool _open;

    /// <summary>Creates an unopened store.</summary>
    public InMemoryKeyValueStore(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool Persistent => false;

    /// <inheritdoc />
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <inheritdoc />
    public long ApproximateNumEntries
    {
        get
        {
            lock (_gate)
            {
                ThrowIfClosed();
                return _map.Count;
            }
        }
    }

    /// <inheritdoc />
    public void Init(IStateStoreContext context, IStateStore root)
    {
        ArgumentNullException.ThrowIfNull(context);
        Open();
        context.Register(this, this);
    }

    /// <summary>
    /// Opens the store without registering it with a task: the segments of a window or session store open this
    /// way, and their store registers once for all of them.
    /// </summary>
    internal void Open()
    {
        lock (_gate)
        {
            if (_open)
            {
                throw new InvalidOperationException($"Store '{Name}' is already open.");
            }

            _open = true;
        }
    }

    /// <summary>Nothing to do: the data lives only in memory (the changelog makes it durable).</summary>
    public void Flush()
    {
    }

    /// <summary>Drops the data, as Kafka Streams does; passes already open keep their copies.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _map.Clear();
            _open = false;
        }
    }

    /// <inheritdoc />
    public object DetachContents()
    {
        lock (_gate)
        {
            var contents = _map;
            _map = new SortedBytesMap();
            return contents;
        }
    }

    /// <inheritdoc />
    public void AttachContents(object contents)
    {
        lock (_gate)
        {
            if (contents is not SortedBytesMap map || _map.Count > 0)
            {
                throw new InvalidOperationException($"Store '{Name}' can take only the contents of another in-memory key-value store, and only while empty.");
            }

            _map = map;
        }
    }

    /// <inheritdoc />
    public bool TryGet(byte[] key, out byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            ThrowIfClosed();
            return _map.TryGet(key, out value);
        }
    }

    /// <summary>Inserts or replaces a value; a null value deletes the key (Kafka Streams semantics).</summary>
    public void Put(byte[] key, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            ThrowIfClosed();
            PutLocked(key, value);
        }
    }

    /// <inheritdoc />
    public bool PutIfAbsent(byte[] key, byte[]? value, out byte[] existing)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            ThrowIfClosed();
            if (_map.TryGet(key, out existing))
            {
                return false;
            }

            PutLocked(key, value);
            return true;
        }
    }

    /// <summary>Inserts or replaces every entry under one lock; null values delete.</summary>
    public void PutAll(IEnumerable<KeyValue<byte[], byte[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            ThrowIfClosed();
            foreach (var (key, value) in entries)
            {
                ArgumentNullException.ThrowIfNull(key, nameof(entries));
                PutLocked(key, value);
            }
        }
    }

    /// <inheritdoc />
    public bool Delete(byte[] key, out byte[] oldValue)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            ThrowIfClosed();
            return _map.Remove(key, out oldValue);
        }
    }

    /// <summary>Inclusive range; a null bound is open; a lower bound above the upper one gives no entries.</summary>
    public IKeyValueEnumerable<byte[], byte[]> Range(byte[]? from, byte[]? to) => new RangeScan(this, from, to, forward: true, prefix: null);

    /// <summary>As <see cref="Range"/>, in descending key order.</summary>
    public IKeyValueEnumerable<byte[], byte[]> ReverseRange(byte[]? from, byte[]? to) => new RangeScan(this, from, to, forward: false, prefix: null);

    /// <inheritdoc />
    public IKeyValueEnumerable<byte[], byte[]> All() => new RangeScan(this, null, null, forward: true, prefix: null);

    /// <inheritdoc />
    public IKeyValueEnumerable<byte[], byte[]> ReverseAll() => new RangeScan(this, null, null, forward: false, prefix: null);

    /// <inheritdoc />
    public IKeyValueEnumerable<byte[], byte[]> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer)
    {
        var prefixBytes = KeyBytes.SerializePrefix(prefix, prefixSerializer);

        // Keys starting with the prefix are exactly those in [prefix, next prefix); the copy drops the upper bound.
        return new RangeScan(this, prefixBytes, KeyBytes.NextPrefix(prefixBytes), forward: true, prefixBytes);
    }

    /// <summary>Copies the range under the lock: the pass never sees later writes.</summary>
    public IKeyValueEnumerator<byte[], byte[]> OpenScan(byte[]? from, byte[]? to, bool forward, byte[]? prefix)
    {
        KeyValue<byte[], byte[]>[] copy;
        int count;
        lock (_gate)
        {
            ThrowIfClosed();

            // Kafka Streams logs a warning for an inverted range and returns nothing; there is no logger here.
            if (KeyBytes.IsInvertedRange(from, to))
            {
                return ArrayKeyValueEnumerator<byte[], byte[]>.Empty();
            }

            copy = _map.CopyRange(from, to, prefix, out count);
        }

        if (!forward)
        {
            Array.Reverse(copy, 0, count);
        }

        return new ArrayKeyValueEnumerator<byte[], byte[]>(copy, count);
    }

    void IBatchingStateRestoreCallback.RestoreBatch(IReadOnlyList<ChangelogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            ThrowIfClosed();
            for (var i = 0; i < records.Count; i++)
            {
                var (key, value, _) = records[i];
                ArgumentNullException.ThrowIfNull(key, nameof(records));
                PutLocked(key, value);
            }
        }
    }

    // Null deletes, as in Kafka Streams. Caller holds the lock.
    private void PutLocked(byte[] key, byte[]? value)
    {
        if (value is null)
        {
            _map.Remove(key, out _);
        }
        else
        {
            _map.Put(key, value);
        }
    }

    private void ThrowIfClosed()
    {
        if (!_open)
        {
            throw new InvalidOperationException($"Store '{Name}' is not open.");
        }
    }
}
