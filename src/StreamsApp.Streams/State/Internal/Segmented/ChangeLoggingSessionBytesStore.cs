namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Logs every session put and remove with the store key as changelog key (<see cref="SessionKeySchema"/>, as Kafka
/// Streams' <c>ChangeLoggingSessionBytesStore</c>) and the raw aggregate; a remove is a tombstone.
/// </summary>
internal sealed class ChangeLoggingSessionBytesStore(ISessionStore<byte[], byte[]> inner) : ISessionStore<byte[], byte[]>
{
    private readonly ChangelogWriter _changelog = new(inner.Name, timestamped: false);

    public string Name => inner.Name;

    public bool Persistent => inner.Persistent;

    public bool IsOpen => inner.IsOpen;

    /// <summary>The layer below.</summary>
    public ISessionStore<byte[], byte[]> Inner => inner;

    public void Init(IStateStoreContext context, IStateStore root)
    {
        _changelog.Init(context);
        inner.Init(context, root);
    }

    public void Flush() => inner.Flush();

    public void Close() => inner.Close();

    public void Put(Windowed<byte[]> sessionKey, byte[]? aggregate)
    {
        inner.Put(sessionKey, aggregate);
        _changelog.Log(SegmentedSessionStore.StoreKey(sessionKey), aggregate);
    }

    public void Remove(Windowed<byte[]> sessionKey)
    {
        inner.Remove(sessionKey);
        _changelog.Log(SegmentedSessionStore.StoreKey(sessionKey), null);
    }

    public bool TryFetchSession(byte[] key, long startMs, long endMs, out byte[] aggregate) =>
        inner.TryFetchSession(key, startMs, endMs, out aggregate);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FindSessions(byte[] key, long earliestSessionEndMs, long latestSessionStartMs) =>
        inner.FindSessions(key, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFindSessions(byte[] key, long earliestSessionEndMs, long latestSessionStartMs) =>
        inner.BackwardFindSessions(key, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FindSessions(byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        inner.FindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFindSessions(byte[]? keyFrom, byte[]? keyTo, long earliestSessionEndMs, long latestSessionStartMs) =>
        inner.BackwardFindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[] key) => inner.Fetch(key);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[] key) => inner.BackwardFetch(key);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo) => inner.Fetch(keyFrom, keyTo);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[]? keyFrom, byte[]? keyTo) => inner.BackwardFetch(keyFrom, keyTo);
}
