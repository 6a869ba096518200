using System.Text;

namespace StreamsApp.Streams;

/// <summary>
/// A topology's structure, as <see cref="Topology.Describe"/> returns it; <see cref="ToString"/> prints Kafka
/// Streams' text format, so tooling that reads that format (visualizers) reads ours.
/// </summary>
/// <param name="Subtopologies">The sub-topologies in id order.</param>
public sealed record TopologyDescription(IReadOnlyList<TopologyDescription.SubtopologyDescription> Subtopologies)
{
    /// <summary>What a node is.</summary>
    public enum NodeKind
    {
        /// <summary>Reads topics.</summary>
        Source,

        /// <summary>Transforms records.</summary>
        Processor,

        /// <summary>Writes a topic.</summary>
        Sink,
    }

    /// <summary>The global stores, each with its source and processor; they generate no tasks.</summary>
    public IReadOnlyList<GlobalStoreDescription> GlobalStores { get; init; } = [];

    /// <inheritdoc />
    public override string ToString()
    {
        // Sub-topologies and global stores share one numbering and are printed in its order, as Kafka Streams does.
        var parts = Subtopologies.Select(s => (s.Id, Text: s.ToString()))
            .Concat(GlobalStores.Select(g => (g.Id, Text: g.ToString())))
            .OrderBy(p => p.Id);
        var text = new StringBuilder("Topologies:\n ");
        foreach (var (_, part) in parts)
        {
            text.Append("  ").Append(part);
        }

        return text.ToString();
    }

    /// <summary>A global store's sub-topology: the source reading its topic and the processor updating it.</summary>
    /// <param name="Id">The id, in the numbering shared with the sub-topologies.</param>
    /// <param name="Source">The source node.</param>
    /// <param name="Processor">The processor node (its stores: the global store).</param>
    public sealed record GlobalStoreDescription(int Id, NodeDescription Source, NodeDescription Processor)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"Sub-topology: {Id} for global store (will not generate tasks)\n    {Source}\n    {Processor}\n";
    }

    /// <summary>One sub-topology: its id and its nodes, largest sub-tree first.</summary>
    /// <param name="Id">The id.</param>
    /// <param name="Nodes">The nodes.</param>
    public sealed record SubtopologyDescription(int Id, IReadOnlyList<NodeDescription> Nodes)
    {
        /// <inheritdoc />
        public override string ToString()
        {
            var text = new StringBuilder().Append("Sub-topology: ").Append(Id).Append('\n');
            foreach (var node in Nodes)
            {
                text.Append("    ").Append(node).Append('\n');
            }

            return text.Append('\n').ToString();
        }
    }

    /// <summary>One node.</summary>
    /// <param name="Kind">Source, processor or sink.</param>
    /// <param name="Name">The node name.</param>
    /// <param name="Topics">A source's topics; a sink's topic (empty when chosen per record).</param>
    /// <param name="Stores">A processor's stores.</param>
    /// <param name="Successors">Child node names.</param>
    /// <param name="Predecessors">Parent node names.</param>
    public sealed record NodeDescription(
        NodeKind Kind,
        string Name,
        IReadOnlyList<string> Topics,
        IReadOnlyList<string> Stores,
        IReadOnlyList<string> Successors,
        IReadOnlyList<string> Predecessors)
    {
        /// <inheritdoc />
        public override string ToString() => Kind switch
        {
            NodeKind.Source => $"Source: {Name} (topics: [{string.Join(", ", Topics)}])\n      --> {Names(Successors)}",
            NodeKind.Processor =>
                $"Processor: {Name} (stores: [{string.Join(", ", Stores)}])\n      --> {Names(Successors)}\n      <-- {Names(Predecessors)}",
            _ => (Topics.Count == 0 ? $"Sink: {Name} (extractor class: topic name extractor)" : $"Sink: {Name} (topic: {Topics[0]})")
                 + $"\n      <-- {Names(Predecessors)}",
        };

        private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
