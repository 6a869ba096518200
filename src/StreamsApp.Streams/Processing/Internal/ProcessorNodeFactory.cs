namespace StreamsApp.Streams.Processing.Internal;

/// <summary>Blueprint of a processor node; the stores it may use are connected by name.</summary>
internal abstract class ProcessorNodeFactory(string name, IReadOnlyList<string> predecessors) : NodeFactory(name, predecessors)
{
    private readonly List<string> _stores = [];

    /// <summary>The connected stores in the order they were connected, which <c>Describe()</c> needs (Kafka Streams
    /// prints them in its hash set's order, whose ties fall back to that order).</summary>
    public IReadOnlyList<string> Stores => _stores;

    public void ConnectStore(string storeName)
    {
        if (!_stores.Contains(storeName, StringComparer.Ordinal))
        {
            _stores.Add(storeName);
        }
    }

    protected IReadOnlySet<string> StoreSet() => _stores.ToHashSet(StringComparer.Ordinal);
}

/// <summary>Blueprint of a node running an <see cref="IProcessor{TKeyIn, TValueIn, TKeyOut, TValueOut}"/>.</summary>
internal sealed class ProcessorNodeFactory<TKeyIn, TValueIn, TKeyOut, TValueOut>(
    string name, Func<IProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>> supplier, IReadOnlyList<string> predecessors)
    : ProcessorNodeFactory(name, predecessors)
{
    public override (Type Key, Type Value)? InputTypes => (typeof(TKeyIn), typeof(TValueIn));

    public override (Type Key, Type Value)? OutputTypes => (typeof(TKeyOut), typeof(TValueOut));

    public override ProcessorNode Build(Func<string, string> resolveTopic) =>
        new ProcessorAdapterNode<TKeyIn, TValueIn, TKeyOut, TValueOut>(Name, supplier(), StoreSet());
}

/// <summary>Blueprint of a node running an <see cref="IFixedKeyProcessor{TKey, TValueIn, TValueOut}"/>.</summary>
internal sealed class FixedKeyProcessorNodeFactory<TKey, TValueIn, TValueOut>(
    string name, Func<IFixedKeyProcessor<TKey, TValueIn, TValueOut>> supplier, IReadOnlyList<string> predecessors)
    : ProcessorNodeFactory(name, predecessors)
{
    public override (Type Key, Type Value)? InputTypes => (typeof(TKey), typeof(TValueIn));

    public override (Type Key, Type Value)? OutputTypes => (typeof(TKey), typeof(TValueOut));

    public override ProcessorNode Build(Func<string, string> resolveTopic) =>
        new ProcessorAdapterNode<TKey, TValueIn, TKey, TValueOut>(
            Name, new FixedKeyProcessorAdapter<TKey, TValueIn, TValueOut>(supplier()), StoreSet());
}
