using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Testing.Internal;

/// <summary>
/// One store seen across every task (partition) that has it: reads look everywhere and iterate in serialized-key
/// order; writes go to the task of the key's murmur2 partition, where the topology's own records for it land.
/// </summary>
internal sealed class PartitionedStoreView<TKey, TValue>(IReadOnlyList<IKeyValueStore<TKey, TValue>> byPartition, Func<TKey, byte[]> rawKey)
    : IKeyValueStore<TKey, TValue>
{
    public string Name => byPartition[0].Name;

    public bool Persistent => byPartition[0].Persistent;

    public bool IsOpen => byPartition[0].IsOpen;

    public long ApproximateNumEntries => byPartition.Sum(s => s.ApproximateNumEntries);

    public void Init(IStateStoreContext context, IStateStore root) =>
        throw new StreamsException("A store view spanning partitions is opened by its tasks, not by itself");

    public void Flush()
    {
        foreach (var store in byPartition)
        {
            store.Flush();
        }
    }

    public void Close() => throw new StreamsException("A store view spanning partitions is closed by its tasks");

    /// <summary>Looks in every partition: a record piped to an explicit partition may live away from its hash partition.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        foreach (var store in byPartition)
        {
            if (store.TryGet(key, out value))
            {
                return true;
            }
        }

        value = default!;
        return false;
    }

    public IKeyValueEnumerable<TKey, TValue> Range(TKey? from, TKey? to) => Merge(s => s.Range(from, to), reverse: false);

    public IKeyValueEnumerable<TKey, TValue> ReverseRange(TKey? from, TKey? to) => Merge(s => s.ReverseRange(from, to), reverse: true);

    public IKeyValueEnumerable<TKey, TValue> All() => Merge(s => s.All(), reverse: false);

    public IKeyValueEnumerable<TKey, TValue> ReverseAll() => Merge(s => s.ReverseAll(), reverse: true);

    public IKeyValueEnumerable<TKey, TValue> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer) =>
        Merge(s => s.PrefixScan(prefix, prefixSerializer), reverse: false);

    public void Put(TKey key, TValue value) => Owner(key).Put(key, value);

    public bool PutIfAbsent(TKey key, TValue value, out TValue existing) => Owner(key).PutIfAbsent(key, value, out existing);

    public void PutAll(IEnumerable<KeyValue<TKey, TValue>> entries)
    {
        foreach (var (key, value) in entries)
        {
            Put(key, value);
        }
    }

    public bool Delete(TKey key, out TValue oldValue) => Owner(key).Delete(key, out oldValue);

    private IKeyValueStore<TKey, TValue> Owner(TKey key) =>
        byPartition[Murmur2Partitioner.Partition(rawKey(key), byPartition.Count)];

    // Every partition's entries sorted together by serialized key, read anew at each enumeration.
    private DeferredKeyValueEnumerable<TKey, TValue> Merge(Func<IKeyValueStore<TKey, TValue>, IKeyValueEnumerable<TKey, TValue>> scan, bool reverse) =>
        new(() =>
        {
            var entries = new List<(byte[] Raw, KeyValue<TKey, TValue> Entry)>();
            foreach (var store in byPartition)
            {
                foreach (var entry in scan(store))
                {
                    entries.Add((rawKey(entry.Key), entry));
                }
            }

            entries.Sort((a, b) => (reverse ? -1 : 1) * ByteArrayComparer.Instance.Compare(a.Raw, b.Raw));
            var merged = entries.Select(e => e.Entry).ToArray();
            return new ArrayKeyValueEnumerator<TKey, TValue>(merged, merged.Length);
        });
}
