using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>A node that writes records to a topic (fixed, or chosen per record) through the task's collector.</summary>
internal sealed class SinkNode<TKey, TValue>(
    string name,
    string? topic,
    TopicNameExtractor<TKey, TValue>? topicExtractor,
    ISerde<TKey> keySerde,
    ISerde<TValue> valueSerde,
    StreamPartitioner<TKey, TValue>? partitioner) : ProcessorNode<TKey, TValue>(name)
{
    private TaskContext? _context;

    public override (Type Key, Type Value)? OutputTypes => null;

    public override void AddChild(ProcessorNode child) =>
        throw new TopologyException($"sink '{Name}' cannot have children (tried to add '{child.Name}')");

    public override void Init(TaskContext context) => _context = context;

    public override void Process(Record<TKey, TValue> record)
    {
        var context = _context!;
        var target = topic ?? topicExtractor!(record.Key, record.Value, context.RecordMetadata);
        if (string.IsNullOrEmpty(target))
        {
            throw new StreamsException($"Sink '{Name}': the topic name extractor returned no topic");
        }

        context.Collector.Send(target, record, keySerde, valueSerde, partitioner, context.Origin(Name, record.Timestamp));
    }

    public override void Close()
    {
    }
}
