using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>The collector of the global state: global stores are not logged and global processors cannot forward.</summary>
internal sealed class NoOutputCollector : RecordCollectorBase
{
    public static NoOutputCollector Instance { get; } = new();

    protected override void FlushSends()
    {
    }

    protected override int PartitionCount(string topic) => throw Refuse(topic);

    protected override (int Partition, long Offset)? SendSerialized(
        string topic, int? partition, byte[]? key, byte[]? value, Headers? headers, long timestamp, SendOrigin? origin) =>
        throw Refuse(topic);

    private static StreamsException Refuse(string topic) =>
        new($"Global state cannot write to topics (tried '{topic}'): global stores are restored from their source topic");
}
