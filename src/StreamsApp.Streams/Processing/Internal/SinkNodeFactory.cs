using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>Blueprint of a sink node writing to a fixed topic or to one chosen per record.</summary>
internal sealed class SinkNodeFactory<TKey, TValue>(
    string name,
    string? topic,
    TopicNameExtractor<TKey, TValue>? topicExtractor,
    ISerde<TKey> keySerde,
    ISerde<TValue> valueSerde,
    StreamPartitioner<TKey, TValue>? partitioner,
    IReadOnlyList<string> predecessors) : NodeFactory(name, predecessors), ISinkNodeFactory
{
    /// <summary>The fixed topic as given (internal topics without their application-id prefix), or null.</summary>
    public string? Topic { get; } = topic;

    public override (Type Key, Type Value)? InputTypes => (typeof(TKey), typeof(TValue));

    public override (Type Key, Type Value)? OutputTypes => null;

    public override ProcessorNode Build(Func<string, string> resolveTopic) =>
        new SinkNode<TKey, TValue>(
            Name, Topic is null ? null : resolveTopic(Topic), topicExtractor, keySerde, valueSerde, partitioner);
}

/// <summary>What the builder needs to know about any sink, whatever its types.</summary>
internal interface ISinkNodeFactory
{
    string? Topic { get; }
}
