namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// A node of the topology blueprint: what it is, how it connects, and how to create its instance for one task.
/// </summary>
internal abstract class NodeFactory(string name, IReadOnlyList<string> predecessors)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Predecessors { get; } = predecessors;

    public List<string> Successors { get; } = [];

    /// <summary>The record types the node accepts; null for sources.</summary>
    public abstract (Type Key, Type Value)? InputTypes { get; }

    /// <summary>The record types the node forwards; null for sinks.</summary>
    public abstract (Type Key, Type Value)? OutputTypes { get; }

    /// <summary>Creates the node for one task; <paramref name="resolveTopic"/> prefixes internal topic names.</summary>
    public abstract ProcessorNode Build(Func<string, string> resolveTopic);
}
