using StreamsApp.Streams.Errors.Internal;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// The collector of a standby task, which only ever restores: its changelog records come from the active task, so
/// nothing it holds is written anywhere. A write would be a bug in the runtime, and fails loudly.
/// </summary>
internal sealed class StandbyRecordCollector : IRecordCollector
{
    public static readonly StandbyRecordCollector Instance = new();

    private StandbyRecordCollector()
    {
    }

    public void Send<TKey, TValue>(
        string topic, Processing.Record<TKey, TValue> record, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        Processing.StreamPartitioner<TKey, TValue>? partitioner, SendOrigin origin) => throw NoWrites(topic);

    public void Send(string topic, int partition, byte[] key, byte[]? value, long timestamp) => throw NoWrites(topic);

    public void SendDeadLetter(DeadLetterRecord record) => throw NoWrites("a dead-letter topic");

    public bool TryGetOffset(string topic, int partition, out long offset)
    {
        offset = -1;
        return false;
    }

    public void Flush()
    {
    }

    private static InvalidOperationException NoWrites(string topic) =>
        new($"A standby task writes nothing, yet something sent a record to {topic}");
}
