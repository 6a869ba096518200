using System.Buffers.Binary;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// Sends a store's changes to its changelog partition (<c>&lt;application.id&gt;-&lt;store&gt;-changelog</c>,
/// partition = task partition), shared by every change-logging layer. A timestamped store logs the plain value with
/// the stored timestamp as the record timestamp, so its changelog reads like any topic of that value type.
/// </summary>
internal sealed class ChangelogWriter(string storeName, bool timestamped)
{
    private TaskContext? _context;
    private string _topic = string.Empty;

    /// <summary>Binds the writer to the task that opens the store.</summary>
    /// <exception cref="StreamsException">The context is not a task's, or the task has no changelog for the store.</exception>
    public void Init(IStateStoreContext context)
    {
        _context = context as TaskContext
            ?? throw new StreamsException($"Store '{storeName}' is change-logged and needs a task context to log to");
        _topic = _context.StoreRegistry.ChangelogTopic(storeName)
            ?? throw new StreamsException($"Store '{storeName}' is change-logged but its task knows no changelog topic for it");
    }

    /// <summary>
    /// The context the layers below open with: for a timestamped store, one that re-stamps restored values (see
    /// <see cref="TimestampedRestoreContext"/>), since this writer strips the timestamp from what it logs.
    /// </summary>
    public IStateStoreContext ContextBelow(IStateStoreContext context) =>
        timestamped ? new TimestampedRestoreContext(context) : context;

    /// <summary>Logs a change; a null value is a tombstone at the current record's timestamp.</summary>
    public void Log(byte[] key, byte[]? value)
    {
        var context = _context ?? throw new InvalidOperationException($"Store '{storeName}' is not open");
        if (value is null || !timestamped)
        {
            context.Collector.Send(_topic, context.TaskId.Partition, key, value, context.CurrentTimestamp);
            return;
        }

        var timestamp = BinaryPrimitives.ReadInt64BigEndian(value);
        context.Collector.Send(_topic, context.TaskId.Partition, key, value[ValueAndTimestampSerde.TimestampSize..], timestamp);
    }
}
