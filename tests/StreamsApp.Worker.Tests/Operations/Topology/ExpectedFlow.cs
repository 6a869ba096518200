using StreamsApp.Streams;
using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Tests.Operations.Topology;

/// <summary>What every drawing of a description must show, read straight from the description.</summary>
internal static class ExpectedFlow
{
    /// <summary>Each sub-topology's and global store's nodes, by id.</summary>
    public static Dictionary<int, IReadOnlyList<NodeDescription>> Groups(TopologyDescription description) =>
        description.Subtopologies.Select(s => (s.Id, s.Nodes))
            .Concat(description.GlobalStores.Select(g => (g.Id, Nodes: (IReadOnlyList<NodeDescription>)[g.Source, g.Processor])))
            .ToDictionary(p => p.Id, p => p.Nodes);

    /// <summary>The id of the sub-topology each node is in, by the node's name.</summary>
    public static Dictionary<string, int> FrameOf(TopologyDescription description) =>
        Groups(description).SelectMany(g => g.Value.Select(n => (n.Name, Frame: g.Key))).ToDictionary(p => p.Name, p => p.Frame, StringComparer.Ordinal);

    /// <summary>Every edge: node to successor, topic to the source reading it, sink to its topic.</summary>
    public static List<(string From, string To)> Edges(TopologyDescription description) =>
        [.. Groups(description).Values.SelectMany(nodes => nodes).SelectMany(node => node.Successors.Select(s => (node.Name, s))
            .Concat(node.Kind == NodeKind.Source ? node.Topics.Select(t => (t, node.Name)) : [])
            .Concat(node.Kind == NodeKind.Sink ? node.Topics.Select(t => (node.Name, t)) : []))];

    /// <summary>Every topic a source reads or a sink writes.</summary>
    public static IEnumerable<string> Topics(TopologyDescription description) =>
        Groups(description).Values.SelectMany(nodes => nodes).SelectMany(n => n.Topics).Distinct(StringComparer.Ordinal);
}
