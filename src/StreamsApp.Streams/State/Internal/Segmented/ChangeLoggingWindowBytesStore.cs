namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Logs every window put with the store key as changelog key (<see cref="WindowKeySchema"/>, as Kafka Streams'
/// <c>ChangeLoggingWindowBytesStore</c>) and the raw value. With retained duplicates it numbers puts as the store
/// below does (both count non-null puts from 1), so changelog keys equal store keys and a restore rebuilds every
/// duplicate.
/// </summary>
internal sealed class ChangeLoggingWindowBytesStore(IWindowStore<byte[], byte[]> inner, bool retainDuplicates, bool timestamped)
    : IWindowStore<byte[], byte[]>
{
    private readonly ChangelogWriter _changelog = new(inner.Name, timestamped);
    private int _seqnum;

    public string Name => inner.Name;

    public bool Persistent => inner.Persistent;

    public bool IsOpen => inner.IsOpen;

    /// <summary>The layer below.</summary>
    public IWindowStore<byte[], byte[]> Inner => inner;

    public void Init(IStateStoreContext context, IStateStore root)
    {
        _changelog.Init(context);
        inner.Init(_changelog.ContextBelow(context), root);
    }

    public void Flush() => inner.Flush();

    public void Close() => inner.Close();

    public void Put(byte[] key, byte[]? value, long windowStartMs)
    {
        inner.Put(key, value, windowStartMs);
        if (value is null && retainDuplicates)
        {
            // Ignored below too: there is nothing to delete.
            return;
        }

        var seqnum = retainDuplicates ? _seqnum = (_seqnum + 1) & int.MaxValue : 0;
        _changelog.Log(WindowKeySchema.ToStoreKeyBinary(key, windowStartMs, seqnum), value);
    }

    public bool TryFetch(byte[] key, long windowStartMs, out byte[] value) => inner.TryFetch(key, windowStartMs, out value);

    public IKeyValueEnumerable<long, byte[]> Fetch(byte[] key, long timeFromMs, long timeToMs) => inner.Fetch(key, timeFromMs, timeToMs);

    public IKeyValueEnumerable<long, byte[]> BackwardFetch(byte[] key, long timeFromMs, long timeToMs) => inner.BackwardFetch(key, timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> Fetch(byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs) =>
        inner.Fetch(keyFrom, keyTo, timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetch(byte[]? keyFrom, byte[]? keyTo, long timeFromMs, long timeToMs) =>
        inner.BackwardFetch(keyFrom, keyTo, timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> FetchAll(long timeFromMs, long timeToMs) => inner.FetchAll(timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardFetchAll(long timeFromMs, long timeToMs) => inner.BackwardFetchAll(timeFromMs, timeToMs);

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> All() => inner.All();

    public IKeyValueEnumerable<Windowed<byte[]>, byte[]> BackwardAll() => inner.BackwardAll();
}
