namespace StreamsApp.Streams.State.Internal;

/// <summary>Writes every change to the store's changelog (see <see cref="ChangelogWriter"/>) after applying it.</summary>
internal sealed class ChangeLoggingKeyValueBytesStore(IKeyValueStore<byte[], byte[]> inner, bool timestamped)
    : WrappedKeyValueBytesStore(inner)
{
    private readonly ChangelogWriter _changelog = new(inner.Name, timestamped);

    public override void Init(IStateStoreContext context, IStateStore root)
    {
        _changelog.Init(context);
        base.Init(_changelog.ContextBelow(context), root);
    }

    public override void Put(byte[] key, byte[] value)
    {
        Inner.Put(key, value);
        Log(key, value);
    }

    public override bool PutIfAbsent(byte[] key, byte[] value, out byte[] existing)
    {
        if (!Inner.PutIfAbsent(key, value, out existing))
        {
            return false;
        }

        Log(key, value);
        return true;
    }

    public override void PutAll(IEnumerable<KeyValue<byte[], byte[]>> entries)
    {
        // One write below (a RocksDB write batch), then each entry's changelog record, as Kafka Streams does.
        var batch = entries as IReadOnlyCollection<KeyValue<byte[], byte[]>> ?? [.. entries];
        Inner.PutAll(batch);
        foreach (var (key, value) in batch)
        {
            Log(key, value);
        }
    }

    public override bool Delete(byte[] key, out byte[] oldValue)
    {
        var deleted = Inner.Delete(key, out oldValue);
        Log(key, null);
        return deleted;
    }

    private void Log(byte[] key, byte[]? value) => _changelog.Log(key, value);
}
