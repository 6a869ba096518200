using System.Buffers.Binary;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// Writes every change to the store's changelog partition (<c>&lt;application.id&gt;-&lt;store&gt;-changelog</c>, partition =
/// task partition) after applying it. A timestamped store logs the plain value with the stored timestamp as the
/// record timestamp, so its changelog reads like any topic of that value type.
/// </summary>
internal sealed class ChangeLoggingKeyValueBytesStore(IKeyValueStore<byte[], byte[]> inner, bool timestamped)
    : WrappedKeyValueBytesStore(inner)
{
    private TaskContext? _context;
    private string _topic = string.Empty;

    public override void Init(IStateStoreContext context, IStateStore root)
    {
        _context = context as TaskContext
            ?? throw new StreamsException($"Store '{Name}' is change-logged and needs a task context to log to");
        _topic = _context.StateManager.ChangelogTopic(Name)
            ?? throw new StreamsException($"Store '{Name}' is change-logged but its task knows no changelog topic for it");
        base.Init(context, root);
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
        foreach (var entry in entries)
        {
            Put(entry.Key, entry.Value);
        }
    }

    public override bool Delete(byte[] key, out byte[] oldValue)
    {
        var deleted = Inner.Delete(key, out oldValue);
        Log(key, null);
        return deleted;
    }

    private void Log(byte[] key, byte[]? value)
    {
        var context = _context!;
        if (value is null || !timestamped)
        {
            context.Collector.Send(_topic, context.TaskId.Partition, key, value, context.CurrentTimestamp);
            return;
        }

        var timestamp = BinaryPrimitives.ReadInt64BigEndian(value);
        context.Collector.Send(_topic, context.TaskId.Partition, key, value[ValueAndTimestampSerde.TimestampSize..], timestamp);
    }
}
