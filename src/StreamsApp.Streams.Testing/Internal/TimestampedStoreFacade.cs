using Confluent.Kafka;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Testing.Internal;

/// <summary>Shows a timestamped store as a plain one (values without timestamps), as Kafka Streams' driver does.</summary>
internal sealed class TimestampedStoreFacade<TKey, TValue>(ITimestampedKeyValueStore<TKey, TValue> inner) : IKeyValueStore<TKey, TValue>
{
    public string Name => inner.Name;

    public bool Persistent => inner.Persistent;

    public bool IsOpen => inner.IsOpen;

    public long ApproximateNumEntries => inner.ApproximateNumEntries;

    public void Init(IStateStoreContext context, IStateStore root) => inner.Init(context, root);

    public void Flush() => inner.Flush();

    public void Close() => inner.Close();

    public bool TryGet(TKey key, out TValue value)
    {
        var found = inner.TryGet(key, out var stored);
        value = stored.Value;
        return found;
    }

    public IKeyValueEnumerable<TKey, TValue> Range(TKey? from, TKey? to) => Plain(inner.Range(from, to));

    public IKeyValueEnumerable<TKey, TValue> ReverseRange(TKey? from, TKey? to) => Plain(inner.ReverseRange(from, to));

    public IKeyValueEnumerable<TKey, TValue> All() => Plain(inner.All());

    public IKeyValueEnumerable<TKey, TValue> ReverseAll() => Plain(inner.ReverseAll());

    public IKeyValueEnumerable<TKey, TValue> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer) =>
        Plain(inner.PrefixScan(prefix, prefixSerializer));

    /// <summary>Writes with no timestamp (-1), as Kafka Streams' driver facade does.</summary>
    public void Put(TKey key, TValue value) => inner.Put(key, new ValueAndTimestamp<TValue>(value, -1));

    public bool PutIfAbsent(TKey key, TValue value, out TValue existing)
    {
        var inserted = inner.PutIfAbsent(key, new ValueAndTimestamp<TValue>(value, -1), out var stored);
        existing = stored.Value;
        return inserted;
    }

    public void PutAll(IEnumerable<KeyValue<TKey, TValue>> entries)
    {
        foreach (var (key, value) in entries)
        {
            Put(key, value);
        }
    }

    public bool Delete(TKey key, out TValue oldValue)
    {
        var deleted = inner.Delete(key, out var stored);
        oldValue = stored.Value;
        return deleted;
    }

    private static MappedEnumerable<TKey, ValueAndTimestamp<TValue>, TKey, TValue> Plain(IKeyValueEnumerable<TKey, ValueAndTimestamp<TValue>> stored) =>
        new(stored, static key => key, static value => value.Value);
}
