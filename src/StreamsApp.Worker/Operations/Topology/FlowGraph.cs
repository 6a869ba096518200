using StreamsApp.Streams;
using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// A topology description as one flow: the sub-topologies' processors and edges, plus each topic as a node of its
/// own, fed by the sinks writing it and feeding the sources reading it. A repartition topic (or saga.state) thereby
/// joins the sub-topology that writes it to the one that reads it, which the description only says by name.
/// </summary>
/// <param name="Groups">The sub-topologies and global-store sub-topologies, in id order.</param>
/// <param name="Topics">The topics any source reads or sink writes, in order of first mention.</param>
/// <param name="Edges">Every edge: processor to processor, sink to topic, topic to source.</param>
internal sealed record FlowGraph(IReadOnlyList<FlowGroup> Groups, IReadOnlyList<string> Topics, IReadOnlyList<FlowEdge> Edges)
{
    /// <summary>The flow of <paramref name="description"/>.</summary>
    public static FlowGraph Of(TopologyDescription description)
    {
        var groups = description.Subtopologies.Select(s => new FlowGroup(s.Id, IsGlobal: false, s.Nodes))
            .Concat(description.GlobalStores.Select(g => new FlowGroup(g.Id, IsGlobal: true, [g.Source, g.Processor])))
            .OrderBy(g => g.Id)
            .ToList();
        var topics = new List<string>();
        var edges = new List<FlowEdge>();
        foreach (var node in groups.SelectMany(g => g.Nodes))
        {
            edges.AddRange(node.Successors.Select(successor => new FlowEdge(node.Name, successor, FlowEdgeKind.Within)));
            foreach (var topic in node.Topics)
            {
                if (!topics.Contains(topic, StringComparer.Ordinal))
                {
                    topics.Add(topic);
                }

                edges.Add(node.Kind == NodeKind.Source
                    ? new FlowEdge(topic, node.Name, FlowEdgeKind.FromTopic)
                    : new FlowEdge(node.Name, topic, FlowEdgeKind.ToTopic));
            }
        }

        return new FlowGraph(groups, topics, edges);
    }
}

/// <summary>A sub-topology of the flow.</summary>
/// <param name="Id">The id the description gives it (shared numbering with global stores).</param>
/// <param name="IsGlobal">Whether it maintains a global store (and generates no tasks).</param>
/// <param name="Nodes">Its sources, processors and sinks.</param>
internal sealed record FlowGroup(int Id, bool IsGlobal, IReadOnlyList<NodeDescription> Nodes)
{
    /// <summary>How the picture and the Mermaid text title it.</summary>
    public string Title => IsGlobal ? $"Sub-topology {Id} · global store" : $"Sub-topology {Id}";
}

/// <summary>What an edge of the flow joins.</summary>
internal enum FlowEdgeKind
{
    /// <summary>A processor to its successor, inside one sub-topology.</summary>
    Within,

    /// <summary>A sink to the topic it writes (<see cref="FlowEdge.To"/> names the topic).</summary>
    ToTopic,

    /// <summary>A topic to a source reading it (<see cref="FlowEdge.From"/> names the topic).</summary>
    FromTopic,
}

/// <summary>One edge of the flow.</summary>
/// <param name="From">The processor or (for <see cref="FlowEdgeKind.FromTopic"/>) topic it leaves.</param>
/// <param name="To">The processor or (for <see cref="FlowEdgeKind.ToTopic"/>) topic it enters.</param>
/// <param name="Kind">What it joins.</param>
internal sealed record FlowEdge(string From, string To, FlowEdgeKind Kind);
