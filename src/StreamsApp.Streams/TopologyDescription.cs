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

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("Topologies:\n ");
        foreach (var subtopology in Subtopologies)
        {
            text.Append("  ").Append(subtopology);
        }

        return text.ToString();
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
