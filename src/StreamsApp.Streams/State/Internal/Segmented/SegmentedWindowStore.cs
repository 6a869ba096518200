namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// The byte-level window store of both backends (the <see cref="ISegmentFactory"/> decides where segments live),
/// as Kafka Streams' <c>RocksDBWindowStore</c> over a segmented store with <see cref="WindowKeySchema"/> keys. With
/// retained duplicates every put gets the next sequence number, so equal keys and window starts never overwrite.
/// </summary>
internal sealed class SegmentedWindowStore : IWindowStore<byte[], byte[]>, IBatchingStateRestoreCallback, IInMemoryDataLayer
{
    private readonly SegmentedBytesStore _bytes;
    private readonly Func<byte[], Windowed<byte[]>> _windowOf;
    private int _seqnum;

    public SegmentedWindowStore(
        string name, long retentionMs, long segmentIntervalMs, long windowSizeMs, bool retainDuplicates, ISegmentFactory factory)
    {
        _bytes = new SegmentedBytesStore(name, retentionMs, segmentIntervalMs, WindowKeySchema.Instance, factory);
        _windowOf = storeKey => new Windowed<byte[]>(
            WindowKeySchema.ExtractKey(storeKey), WindowKeySchema.WindowFor(WindowKeySchema.ExtractWindowStart(storeKey), windowSizeMs));
        RetainDuplicates = retainDuplicates;
    }

    public string Name => _bytes.Name;

    public bool Persistent => _bytes.Persistent;

    public bool IsOpen => _bytes.IsOpen;

    public bool RetainDuplicates { get; }

    /// <summary>The segmented store below (for tests: stream time and segment names).</summary>
    internal SegmentedBytesStore Bytes => _bytes;

    public void Init(IStateStoreContext context, IStateStore root)
    {
        ArgumentNullException.ThrowIfNull(context);
        _bytes.Init(context);
        context.Register(this, this);
    }

    public void Flush() => _bytes.Flush();

    public void Close() => _bytes.Close();

    /// <inheritdoc />
    public object DetachContents() => _bytes.DetachContents();

    /// <inheritdoc />
    public void AttachContents(object contents) => _bytes.AttachContents(contents);

    /// <summary>Writes a window's value; see <see cref="IWindowStore{TKey, TValue}.Put"/> for nulls and duplicates.</summary>
    public void Put(byte[] key, byte[]? value, long windowStartMs)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null && RetainDuplicates)
        {
            return;
        }

        _bytes.Put(WindowKeySchema.ToStoreKeyBinary(key, windowStartMs, NextSeqnum()), value);
    }

    /// <summary>
    /// The sequence number of the next put: 0 unless duplicates are retained, then increasing (wrapping within
    /// non-negative values, as Kafka Streams). The change-logging layer numbers its records the same way.
    /// </summary>
    public int NextSeqnum() => RetainDuplicates ? _seqnum = (_seqnum + 1) & int.MaxValue : 0;

    public bool TryFetch(byte[] key, long windowStartMs, out byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!RetainDuplicates)
        {
            return _bytes.TryGet(WindowKeySchema.ToStoreKeyBinary(key, windowStartMs, 0), out value);
        }

        // Duplicates have several sequence numbers: the first in key order is the oldest put.
        using var duplicates = _bytes.Fetch(key, key, windowStartMs, windowStartMs, forward: true).GetEnumerator();
        var found = duplicates.MoveNext();
        value = found ? duplicates.Current.Value : null!;
        return found;
    }

    public IKeyValueEnumerable<long, byte[]> Fetch(byte[] key, long timeFromMs, long timeToMs) => FetchKey(key, timeFromMs, timeToMs, forward: true);

    public IKeyValueEnumerable<long, byte[]> BackwardFetch(byte[] key, long timeFromMs, long timeToMs) => FetchKey(key, timeFromMs, timeToMs, forward: false);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs) =>
        Windows(_bytes.Fetch(keyFrom, keyTo, timeFromMs, timeToMs, forward: true));

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs) =>
        Windows(_bytes.Fetch(keyFrom, keyTo, timeFromMs, timeToMs, forward: false));

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FetchAll(long timeFromMs, long timeToMs) =>
        Windows(_bytes.Fetch(null, null, timeFromMs, timeToMs, forward: true));

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetchAll(long timeFromMs, long timeToMs) =>
        Windows(_bytes.Fetch(null, null, timeFromMs, timeToMs, forward: false));

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> All() => Windows(_bytes.All(forward: true));

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardAll() => Windows(_bytes.All(forward: false));

    void IBatchingStateRestoreCallback.RestoreBatch(IReadOnlyList<ChangelogRecord> records) => _bytes.Restore(records);

    private MappedEnumerable<byte[], byte[], long, byte[]> FetchKey(byte[] key, long timeFromMs, long timeToMs, bool forward)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(_bytes.Fetch(key, key, timeFromMs, timeToMs, forward), static storeKey => WindowKeySchema.ExtractWindowStart(storeKey), static value => value);
    }

    private MappedEnumerable<byte[], byte[], Windowed<byte[]>, byte[]> Windows(IKeyValueEnumerable<byte[], byte[]> storeKeys) =>
        new(storeKeys, _windowOf, static value => value);
}
