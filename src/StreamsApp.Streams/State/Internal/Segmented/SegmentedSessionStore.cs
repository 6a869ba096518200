namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// The byte-level session store of both backends (the <see cref="ISegmentFactory"/> decides where segments live),
/// as Kafka Streams' <c>RocksDBSessionStore</c> over a segmented store with <see cref="SessionKeySchema"/> keys:
/// segments and retention go by session end.
/// </summary>
internal sealed class SegmentedSessionStore(string name, long retentionMs, long segmentIntervalMs, ISegmentFactory factory)
    : ISessionStore<byte[], byte[]>, IBatchingStateRestoreCallback, IInMemoryDataLayer
{
    private readonly SegmentedBytesStore _bytes = new(name, retentionMs, segmentIntervalMs, SessionKeySchema.Instance, factory);

    public string Name => _bytes.Name;

    public bool Persistent => _bytes.Persistent;

    public bool IsOpen => _bytes.IsOpen;

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

    /// <summary>Writes a session's aggregate; a null aggregate removes the session.</summary>
    public void Put(Windowed<byte[]> sessionKey, byte[]? aggregate) => _bytes.Put(StoreKey(sessionKey), aggregate);

    public void Remove(Windowed<byte[]> sessionKey) => _bytes.Delete(StoreKey(sessionKey));

    public bool TryFetchSession(byte[] key, long startMs, long endMs, out byte[] aggregate)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _bytes.TryGet(SessionKeySchema.ToBinary(key, startMs, endMs), out aggregate);
    }

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FindSessions(byte[] key, long earliestSessionEndMs, long latestSessionStartMs) =>
        Find(RequireKey(key), key, earliestSessionEndMs, latestSessionStartMs, forward: true);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFindSessions(byte[] key, long earliestSessionEndMs, long latestSessionStartMs) =>
        Find(RequireKey(key), key, earliestSessionEndMs, latestSessionStartMs, forward: false);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FindSessions(byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Find(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs, forward: true);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFindSessions(byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        Find(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs, forward: false);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[] key) => FindSessions(key, 0, long.MaxValue);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[] key) => BackwardFindSessions(key, 0, long.MaxValue);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo) => FindSessions(keyFrom, keyTo, 0, long.MaxValue);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[]? keyFrom, byte[]? keyTo) => BackwardFindSessions(keyFrom, keyTo, 0, long.MaxValue);

    void IBatchingStateRestoreCallback.RestoreBatch(IReadOnlyList<ChangelogRecord> records) => _bytes.Restore(records);

    /// <summary>The store (and changelog) key of a session.</summary>
    public static byte[] StoreKey(Windowed<byte[]> sessionKey)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        ArgumentNullException.ThrowIfNull(sessionKey.Key, nameof(sessionKey));
        return SessionKeySchema.ToBinary(sessionKey.Key, sessionKey.Window.StartMs, sessionKey.Window.EndMs);
    }

    private static byte[] RequireKey(byte[] key) => key ?? throw new ArgumentNullException(nameof(key));

    private MappedEnumerable<byte[], byte[], Windowed<byte[]>, byte[]> Find(
        byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs, bool forward) =>
        new(
            _bytes.Fetch(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs, forward),
            static storeKey => new Windowed<byte[]>(SessionKeySchema.ExtractKey(storeKey), SessionKeySchema.ExtractWindow(storeKey)),
            static value => value);
}
