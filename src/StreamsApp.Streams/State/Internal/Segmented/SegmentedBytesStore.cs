namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Store keys spread over time segments with a retention period, as Kafka Streams'
/// <c>AbstractRocksDBSegmentedBytesStore</c> (for either backend, by its <see cref="ISegmentFactory"/>). It tracks
/// stream time, the largest segment time written; a time is live while it is after stream time minus retention.
/// Writes to times no longer live are dropped, reads never return them, and a segment is destroyed once all its
/// times are dead. One lock guards the segment map: interactive queries read while the stream thread writes.
/// </summary>
internal sealed class SegmentedBytesStore
{
    private readonly Lock _gate = new();
    private readonly SegmentedKeySchema _schema;
    private readonly long _retentionMs;
    private readonly ISegmentFactory _factory;
    private readonly long _segmentIntervalMs;
    private Segments _segments;
    private ExpiredWrites? _expiredWrites;

    public SegmentedBytesStore(string name, long retentionMs, long segmentIntervalMs, SegmentedKeySchema schema, ISegmentFactory factory)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retentionMs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentIntervalMs);
        Name = name;
        _retentionMs = retentionMs;
        _schema = schema;
        _factory = factory;
        _segmentIntervalMs = segmentIntervalMs;
        _segments = new Segments(name, segmentIntervalMs, factory);
    }

    public string Name { get; }

    public bool Persistent => _factory.Persistent;

    public bool IsOpen { get; private set; }

    /// <summary>The largest segment time written or restored; -1 before any (everything is live then).</summary>
    public long ObservedStreamTime { get; private set; } = -1;

    public void Init(IStateStoreContext context)
    {
        lock (_gate)
        {
            if (IsOpen)
            {
                throw new InvalidOperationException($"Store '{Name}' is already open.");
            }

            _factory.Init(context, Name);
            _segments.OpenExisting();
            _expiredWrites = new ExpiredWrites(context, Name);
            IsOpen = true;
        }
    }

    /// <summary>
    /// Writes (or with a null value deletes) a store key. A write out of retention is dropped and counted as Kafka
    /// Streams' store of the same kind counts it (<see cref="ExpiredWrites"/>).
    /// </summary>
    /// <returns>False when the key's time is out of retention, so the write was dropped.</returns>
    public bool Put(byte[] storeKey, byte[]? value) => Write(storeKey, value, countExpired: true);

    /// <summary>Deletes a store key; out of retention there is nothing to delete, and nothing is counted (Kafka's remove).</summary>
    public void Delete(byte[] storeKey) => Write(storeKey, null, countExpired: false);

    private bool Write(byte[] storeKey, byte[]? value, bool countExpired)
    {
        long expiredAt;
        lock (_gate)
        {
            ThrowIfClosed();
            var timestamp = _schema.SegmentTimestamp(storeKey);
            ObservedStreamTime = Math.Max(ObservedStreamTime, timestamp);
            var segment = _segments.GetOrCreateIfLive(_segments.SegmentId(timestamp), MinLiveSegmentId());
            _segments.CleanupEarlierThan(MinLiveSegmentId());
            if (segment is not null && timestamp >= MinLiveTime())
            {
                if (value is null)
                {
                    segment.Delete(storeKey, out _);
                }
                else
                {
                    segment.Put(storeKey, value);
                }

                return true;
            }

            // Kafka's in-memory stores count every write out of retention; its RocksDB stores keep a late write in a
            // live segment (ours drop it, decision 0006) and count only one whose whole segment has expired.
            if (!countExpired || (Persistent && _segments.SegmentId(timestamp) >= _segments.SegmentId(Math.Max(0, ObservedStreamTime - _retentionMs))))
            {
                return false;
            }

            expiredAt = ObservedStreamTime;
        }

        _expiredWrites?.Count(expiredAt);
        return false;
    }

    /// <summary>Looks up a store key whose time is live.</summary>
    public bool TryGet(byte[] storeKey, out byte[] value)
    {
        lock (_gate)
        {
            ThrowIfClosed();
            var timestamp = _schema.SegmentTimestamp(storeKey);
            if (timestamp >= MinLiveTime() && _segments.Get(_segments.SegmentId(timestamp)) is { } segment)
            {
                return segment.TryGet(storeKey, out value);
            }

            value = null!;
            return false;
        }
    }

    /// <summary>
    /// The live entries of keys from <paramref name="keyFrom"/> to <paramref name="keyTo"/> (inclusive; null is open)
    /// whose times match <paramref name="timeFrom"/>..<paramref name="timeTo"/> in the schema's sense. Each enumeration
    /// looks up the segments live then.
    /// </summary>
    public IKeyValueEnumerable<byte[], byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo, long timeFrom, long timeTo, bool forward) =>
        new Scan(this, keyFrom, keyTo, timeFrom, timeTo, forward);

    /// <summary>Every live entry.</summary>
    public IKeyValueEnumerable<byte[], byte[]> All(bool forward) => Fetch(null, null, 0, long.MaxValue, forward);

    /// <summary>
    /// Replays changelog records: stream time first advances to the batch's largest time (so records already out
    /// of retention are skipped), then each live segment gets its records in one write (a RocksDB write batch).
    /// </summary>
    public void Restore(IReadOnlyList<ChangelogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            ThrowIfClosed();
            foreach (var (key, _, _) in records)
            {
                ArgumentNullException.ThrowIfNull(key, nameof(records));
                ObservedStreamTime = Math.Max(ObservedStreamTime, _schema.SegmentTimestamp(key));
            }

            _segments.CleanupEarlierThan(MinLiveSegmentId());
            var minLive = MinLiveTime();
            var batches = new Dictionary<long, List<KeyValue<byte[], byte[]>>>();
            foreach (var (key, value, _) in records)
            {
                var timestamp = _schema.SegmentTimestamp(key);
                if (timestamp < minLive)
                {
                    continue;
                }

                var id = _segments.SegmentId(timestamp);
                if (!batches.TryGetValue(id, out var batch))
                {
                    batches.Add(id, batch = []);
                }

                // A null value deletes in both segment backends' PutAll.
                batch.Add(new KeyValue<byte[], byte[]>(key, value!));
            }

            foreach (var (id, batch) in batches)
            {
                _segments.GetOrCreateIfLive(id, MinLiveSegmentId())!.PutAll(batch);
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            foreach (var segment in _segments.All)
            {
                segment.Flush();
            }
        }
    }

    /// <summary>Closes the segments (RocksDB keeps them on disk; memory drops them). Idempotent.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _segments.Close();
            IsOpen = false;
        }
    }

    /// <summary>Takes the in-memory segments and stream time out, leaving the store empty (see <see cref="IInMemoryDataLayer"/>).</summary>
    /// <exception cref="InvalidOperationException">The segments are RocksDB's: they stay on disk.</exception>
    public object DetachContents()
    {
        lock (_gate)
        {
            if (Persistent)
            {
                throw new InvalidOperationException($"Store '{Name}' keeps its segments on disk; only in-memory segments move.");
            }

            var contents = new Contents(_segments, ObservedStreamTime);
            _segments = new Segments(Name, _segmentIntervalMs, _factory);
            ObservedStreamTime = -1;
            return contents;
        }
    }

    /// <summary>Takes the segments and stream time another instance of this store detached; this one must be empty.</summary>
    public void AttachContents(object contents)
    {
        lock (_gate)
        {
            if (contents is not Contents detached || _segments.All.Any())
            {
                throw new InvalidOperationException($"Store '{Name}' can take only the segments of another in-memory segmented store, and only while empty.");
            }

            (_segments, ObservedStreamTime) = (detached.Segments, detached.ObservedStreamTime);
        }
    }

    /// <summary>The segments' key estimates summed (a window or session per key); for the store size gauges.</summary>
    internal long ApproximateNumEntries
    {
        get
        {
            lock (_gate)
            {
                return _segments.All.Sum(segment => segment.ApproximateNumEntries);
            }
        }
    }

    /// <summary>The RocksDB segments' live data size summed; null for in-memory segments.</summary>
    internal long? EstimateLiveDataSize
    {
        get
        {
            lock (_gate)
            {
                return Persistent ? _segments.All.OfType<RocksDb.RocksDbKeyValueStore>().Sum(segment => segment.EstimateLiveDataSize) : null;
            }
        }
    }

    /// <summary>The passes over RocksDB segments not yet disposed, each holding a native iterator (for tests and diagnostics).</summary>
    internal int OpenEnumeratorCount
    {
        get
        {
            lock (_gate)
            {
                return _segments.All.OfType<RocksDb.RocksDbKeyValueStore>().Sum(segment => segment.OpenEnumeratorCount);
            }
        }
    }

    /// <summary>The directory-level name of the segment holding a time (for tests and diagnostics).</summary>
    internal string SegmentName(long timestamp) => _segments.SegmentName(_segments.SegmentId(timestamp));

    // The first live time: everything at or before stream time minus retention has expired.
    private long MinLiveTime() => ObservedStreamTime < 0 ? 0 : ObservedStreamTime - _retentionMs + 1;

    private long MinLiveSegmentId() => _segments.SegmentId(Math.Max(0, MinLiveTime()));

    private void ThrowIfClosed()
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Store '{Name}' is not open.");
        }
    }

    private IKeyValueEnumerator<byte[], byte[]> OpenScan(byte[]? keyFrom, byte[]? keyTo, long timeFrom, long timeTo, bool forward)
    {
        lock (_gate)
        {
            ThrowIfClosed();
            var from = Math.Max(timeFrom, MinLiveTime());
            // No early exit for from > timeTo: a session query may legitimately ask for an end after a start.
            if (KeyBytes.IsInvertedRange(keyFrom, keyTo))
            {
                return ArrayKeyValueEnumerator<byte[], byte[]>.Empty();
            }

            var (segmentFrom, segmentTo) = _schema.SegmentTimeRange(from, timeTo);
            return new SegmentEnumerator(_segments.Search(segmentFrom, segmentTo, forward), _schema, keyFrom, keyTo, from, timeTo, forward);
        }
    }

    private sealed record Contents(Segments Segments, long ObservedStreamTime);

    /// <summary>A fetch, opened anew (segments looked up, retention applied) at each enumeration.</summary>
    private sealed class Scan(SegmentedBytesStore store, byte[]? keyFrom, byte[]? keyTo, long timeFrom, long timeTo, bool forward)
        : IKeyValueEnumerable<byte[], byte[]>
    {
        public IKeyValueEnumerator<byte[], byte[]> GetEnumerator() => store.OpenScan(keyFrom, keyTo, timeFrom, timeTo, forward);
    }
}
