using Confluent.Kafka;
using StreamsApp.Streams.Dsl.Internal;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.State.Internal.Suppress;

/// <summary>
/// A suppression's buffer (Kafka Streams' <c>InMemoryTimeOrderedKeyValueChangeBuffer</c>): the latest table update
/// per key, ordered by buffer time then key, in memory. A later update of a buffered key keeps the key's buffer time
/// and its prior value (the old value of its first buffered update), so that what is finally emitted reads as one
/// update from the value before the buffering to the latest. Every put and eviction is logged (when logging is on) to
/// the changelog in the layout of <see cref="BufferValueFormat"/>, and the registered restore callback rebuilds the
/// buffer from it.
/// </summary>
internal sealed class InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>(
    string name, ISerde<TKey> keySerde, ISerde<TValue> valueSerde, bool loggingEnabled)
    : IStateStore, IBatchingStateRestoreCallback, IInMemoryDataLayer
{
    private Dictionary<byte[], BufferedRecord> _index = new(ByteArrayComparer.Instance);
    private SortedSet<BufferedRecord> _byTime = new(TimeOrder.Instance);
    private readonly ChangeSerde<TValue> _changeSerde = new(valueSerde);
    private TaskContext? _task;
    private string? _changelogTopic;
    private SerializationContext _keyContext;
    private SerializationContext _valueContext;

    public string Name => name;

    public bool Persistent => false;

    public bool IsOpen { get; private set; }

    public int RecordCount => _index.Count;

    /// <summary>The bytes held: serialized keys plus changelog values.</summary>
    public long SizeInBytes { get; private set; }

    /// <summary>The earliest buffer time; <see cref="long.MaxValue"/> when empty.</summary>
    public long MinBufferTime => _byTime.Count == 0 ? long.MaxValue : _byTime.Min!.BufferTime;

    public void Init(IStateStoreContext context, IStateStore root)
    {
        if (loggingEnabled)
        {
            _task = context as TaskContext
                ?? throw new StreamsException($"Suppression buffer '{Name}' is change-logged and needs a task context to log to");
            _changelogTopic = _task.StoreRegistry.ChangelogTopic(Name)
                ?? throw new StreamsException($"Suppression buffer '{Name}' is change-logged but its task knows no changelog topic for it");
        }

        _keyContext = new SerializationContext(MessageComponentType.Key, _changelogTopic ?? Name);
        _valueContext = new SerializationContext(MessageComponentType.Value, _changelogTopic ?? Name);
        context.Register(root, this);
        IsOpen = true;
    }

    /// <summary>Buffers an update; a key already buffered keeps its buffer time and prior value.</summary>
    public void Put(long bufferTime, Record<TKey, Change<TValue>> record)
    {
        var key = keySerde.Serializer.Serialize(record.Key, _keyContext);
        var change = record.Value;
        if (_index.TryGetValue(key, out var existing))
        {
            var prior = ChangeOf(existing);
            change = change with { OldValue = prior.OldValue, HasOld = prior.HasOld };
            bufferTime = existing.BufferTime;
        }

        var value = BufferValueFormat.Encode(bufferTime, record.Timestamp, record.Headers, _changeSerde.Serialize(change, _valueContext));
        Add(new BufferedRecord(key, value, bufferTime, record.Timestamp));
        Log(key, value, record.Timestamp);
    }

    /// <summary>
    /// Whether <paramref name="key"/> is buffered; if so, <paramref name="prior"/>'s old value is the row downstream
    /// last saw for it (absent when it saw none), which the suppressed table's value getter shows.
    /// </summary>
    public bool TryGetPriorValue(TKey key, out Change<TValue> prior)
    {
        var found = _index.TryGetValue(keySerde.Serializer.Serialize(key, _keyContext), out var entry);
        prior = found ? ChangeOf(entry!) : default;
        return found;
    }

    /// <summary>Removes and hands over the oldest entries (by buffer time) while <paramref name="condition"/> holds.</summary>
    public void EvictWhile(Func<bool> condition, Action<Record<TKey, Change<TValue>>> emit)
    {
        while (_byTime.Count > 0 && condition())
        {
            var oldest = _byTime.Min!;
            Remove(oldest.Key);
            Log(oldest.Key, null, oldest.Timestamp);
            var (_, timestamp, headers, _) = BufferValueFormat.Decode(oldest.Value);
            emit(new Record<TKey, Change<TValue>>(
                keySerde.Deserializer.Deserialize(oldest.Key, false, _keyContext), ChangeOf(oldest), timestamp, headers));
        }
    }

    /// <summary>Rebuilds entries from changelog records (a null value removes its key); nothing is logged.</summary>
    public void RestoreBatch(IReadOnlyList<ChangelogRecord> records)
    {
        foreach (var record in records)
        {
            if (record.Value is null)
            {
                Remove(record.Key);
                continue;
            }

            var (bufferTime, timestamp, _, _) = BufferValueFormat.Decode(record.Value);
            Add(new BufferedRecord(record.Key, record.Value, bufferTime, timestamp));
        }
    }

    public void Flush()
    {
        // Every change is logged as it happens; memory holds nothing else to make durable.
    }

    public void Close()
    {
        _index.Clear();
        _byTime.Clear();
        SizeInBytes = 0;
        IsOpen = false;
    }

    /// <inheritdoc />
    public object DetachContents()
    {
        var contents = new Contents(_index, _byTime, SizeInBytes);
        (_index, _byTime, SizeInBytes) = (new(ByteArrayComparer.Instance), new(TimeOrder.Instance), 0);
        return contents;
    }

    /// <inheritdoc />
    public void AttachContents(object contents)
    {
        if (contents is not Contents detached || _index.Count > 0)
        {
            throw new InvalidOperationException($"Suppression buffer '{Name}' can take only the contents of another instance of itself, and only while empty.");
        }

        (_index, _byTime, SizeInBytes) = (detached.Index, detached.ByTime, detached.SizeInBytes);
    }

    private Change<TValue> ChangeOf(BufferedRecord entry)
    {
        var (_, _, _, offset) = BufferValueFormat.Decode(entry.Value);
        return _changeSerde.Deserialize(entry.Value.AsSpan(offset), false, _valueContext);
    }

    private void Add(BufferedRecord entry)
    {
        Remove(entry.Key);
        _index.Add(entry.Key, entry);
        _byTime.Add(entry);
        SizeInBytes += entry.SizeInBytes;
    }

    private void Remove(byte[] key)
    {
        if (_index.Remove(key, out var removed))
        {
            _byTime.Remove(removed);
            SizeInBytes -= removed.SizeInBytes;
        }
    }

    private void Log(byte[] key, byte[]? value, long timestamp)
    {
        if (_task is { } task)
        {
            task.Collector.Send(_changelogTopic!, task.TaskId.Partition, key, value, timestamp);
        }
    }

    /// <summary>Buffer time first, then key bytes: each key is in the buffer at most once, so this is a total order.</summary>
    private sealed class TimeOrder : IComparer<BufferedRecord>
    {
        public static readonly TimeOrder Instance = new();

        public int Compare(BufferedRecord? x, BufferedRecord? y)
        {
            var byTime = x!.BufferTime.CompareTo(y!.BufferTime);
            return byTime != 0 ? byTime : ByteArrayComparer.Instance.Compare(x.Key, y.Key);
        }
    }

    private sealed record Contents(Dictionary<byte[], BufferedRecord> Index, SortedSet<BufferedRecord> ByTime, long SizeInBytes);
}
