using StreamsApp.Streams.Errors.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>Where a task's output goes: sinks, changelogs. The runtime sends to Kafka; the test driver captures.</summary>
internal interface IRecordCollector
{
    /// <summary>
    /// Serializes and sends a sink's record, choosing its partition; a record that cannot be serialized goes to the
    /// production exception handler.
    /// </summary>
    void Send<TKey, TValue>(
        string topic, Record<TKey, TValue> record, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        StreamPartitioner<TKey, TValue>? partitioner, SendOrigin origin);

    /// <summary>Sends an already serialized record to a given partition (changelogs).</summary>
    void Send(string topic, int partition, byte[] key, byte[]? value, long timestamp);

    /// <summary>Sends a dead-letter record to its source's partition number, or where its key hashes when the DLT has fewer.</summary>
    void SendDeadLetter(DeadLetterRecord record);

    /// <summary>The offset of the last record sent to a partition (changelog checkpoints); false before the first.</summary>
    bool TryGetOffset(string topic, int partition, out long offset);

    /// <summary>Waits until everything sent so far is acknowledged; throws when a send failed and must fail the task.</summary>
    void Flush();
}
