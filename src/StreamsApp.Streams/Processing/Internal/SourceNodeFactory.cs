using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>Blueprint of a source node reading one or more topics.</summary>
internal sealed class SourceNodeFactory<TKey, TValue>(
    string name, IReadOnlyList<string> topics, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
    TimestampExtractor<TKey, TValue>? extractor) : NodeFactory(name, []), ISourceNodeFactory
{
    public IReadOnlyList<string> Topics { get; } = topics;

    public override (Type Key, Type Value)? InputTypes => null;

    public override (Type Key, Type Value)? OutputTypes => (typeof(TKey), typeof(TValue));

    public override ProcessorNode Build(Func<string, string> resolveTopic) =>
        new SourceNode<TKey, TValue>(Name, keySerde, valueSerde, extractor);
}

/// <summary>What the builder needs to know about any source, whatever its types.</summary>
internal interface ISourceNodeFactory
{
    IReadOnlyList<string> Topics { get; }
}
