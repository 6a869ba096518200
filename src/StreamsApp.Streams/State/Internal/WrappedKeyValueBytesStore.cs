using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal;

/// <summary>A byte-level store layer that passes every call to the layer it wraps unless it overrides it.</summary>
internal abstract class WrappedKeyValueBytesStore(IKeyValueStore<byte[], byte[]> inner) : IKeyValueStore<byte[], byte[]>
{
    /// <summary>The layer below (visible inside the assembly so that the assembled layering can be checked).</summary>
    public IKeyValueStore<byte[], byte[]> Inner { get; } = inner;

    public string Name => Inner.Name;

    public bool Persistent => Inner.Persistent;

    public bool IsOpen => Inner.IsOpen;

    public virtual long ApproximateNumEntries => Inner.ApproximateNumEntries;

    public virtual void Init(IStateStoreContext context, IStateStore root) => Inner.Init(context, root);

    public virtual void Flush() => Inner.Flush();

    public virtual void Close() => Inner.Close();

    public virtual bool TryGet(byte[] key, out byte[] value) => Inner.TryGet(key, out value);

    public virtual IKeyValueEnumerable<byte[], byte[]> Range(byte[]? from, byte[]? to) => Inner.Range(from, to);

    public virtual IKeyValueEnumerable<byte[], byte[]> ReverseRange(byte[]? from, byte[]? to) => Inner.ReverseRange(from, to);

    public virtual IKeyValueEnumerable<byte[], byte[]> All() => Inner.All();

    public virtual IKeyValueEnumerable<byte[], byte[]> ReverseAll() => Inner.ReverseAll();

    public virtual IKeyValueEnumerable<byte[], byte[]> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer) =>
        Inner.PrefixScan(prefix, prefixSerializer);

    public virtual void Put(byte[] key, byte[] value) => Inner.Put(key, value);

    public virtual bool PutIfAbsent(byte[] key, byte[] value, out byte[] existing) => Inner.PutIfAbsent(key, value, out existing);

    public virtual void PutAll(IEnumerable<KeyValue<byte[], byte[]>> entries) => Inner.PutAll(entries);

    public virtual bool Delete(byte[] key, out byte[] oldValue) => Inner.Delete(key, out oldValue);

    /// <summary>The innermost (data) layer below this one.</summary>
    public IKeyValueStore<byte[], byte[]> Innermost() =>
        Inner is WrappedKeyValueBytesStore wrapped ? wrapped.Innermost() : Inner;
}
