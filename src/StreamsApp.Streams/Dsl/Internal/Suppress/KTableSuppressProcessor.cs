using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.State.Internal.Suppress;

namespace StreamsApp.Streams.Dsl.Internal.Suppress;

/// <summary>
/// Suppresses a table's updates (Kafka Streams' <c>KTableSuppressProcessor</c>): buffers the latest update per key
/// and, after each record, emits every entry whose buffer time plus <paramref name="waitMs"/> stream time has reached,
/// oldest first. Stream time here is the largest timestamp this processor has seen. Over its limits, the buffer emits
/// its oldest entries early or fails the task, as its <see cref="BufferConfig"/> says. Final results
/// (<paramref name="dropTombstones"/>) drop deletes, which only undo results never emitted.
/// </summary>
internal sealed class KTableSuppressProcessor<TKey, TValue>(
    string nodeName,
    string storeName,
    Func<Record<TKey, Change<TValue>>, long> bufferTime,
    long waitMs,
    BufferConfig bufferConfig,
    bool dropTombstones,
    OldValuesSwitch sendOldValues) : IProcessor<TKey, Change<TValue>, TKey, Change<TValue>>
{
    private IProcessorContext<TKey, Change<TValue>>? _context;
    private InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>? _buffer;
    private bool _sendOld;
    private long _observedStreamTime = long.MinValue;

    public void Init(IProcessorContext<TKey, Change<TValue>> context)
    {
        _context = context;
        _sendOld = sendOldValues.Enabled;
        _buffer = context.GetStateStore<InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>>(storeName);
    }

    public void Process(Record<TKey, Change<TValue>> record)
    {
        _observedStreamTime = Math.Max(_observedStreamTime, record.Timestamp);
        _buffer!.Put(bufferTime(record), record);
        EnforceConstraints();
    }

    private void EnforceConstraints()
    {
        var buffer = _buffer!;
        var expiryTime = _observedStreamTime - waitMs;
        buffer.EvictWhile(() => buffer.MinBufferTime <= expiryTime, Emit);
        if (!OverCapacity())
        {
            return;
        }

        if (bufferConfig is StrictBufferConfig)
        {
            throw new StreamsException(
                $"{nodeName} buffer exceeded its max capacity. Currently [{buffer.RecordCount}/{bufferConfig.MaxRecordCount}] records " +
                $"and [{buffer.SizeInBytes}/{bufferConfig.MaxByteCount}] bytes.");
        }

        buffer.EvictWhile(OverCapacity, Emit);
    }

    private bool OverCapacity() =>
        _buffer!.RecordCount > bufferConfig.MaxRecordCount || _buffer.SizeInBytes > bufferConfig.MaxByteCount;

    private void Emit(Record<TKey, Change<TValue>> record)
    {
        if (record.Value.HasNew || !dropTombstones)
        {
            _context!.Forward(_sendOld ? record : record with { Value = record.Value.WithoutOld() });
        }
    }
}
