using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Describes a blueprint the way Kafka Streams does: nodes of a sub-topology ordered by the size of their sub-tree
/// (largest first), ties by name; successors in the same order. Predecessors are listed in the order they were
/// connected: Kafka sorts them as nodes, but by sub-tree sizes taken while it links the nodes, when the first-linked
/// parent has already grown by this node's sub-tree and the others not yet, so a merge's parents keep their order.
/// Stores are listed in Kafka's hash set order (<see cref="JavaHashSetOrder"/>).
/// </summary>
internal static class TopologyDescriber
{
    public static TopologyDescription Describe(InternalTopologyBuilder builder)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        int Size(NodeFactory node)
        {
            if (!sizes.TryGetValue(node.Name, out var size))
            {
                size = 1 + node.Successors.Sum(s => Size(builder.Node(s)));
                sizes[node.Name] = size;
            }

            return size;
        }

        IReadOnlyList<string> Sorted(IEnumerable<string> names) =>
            [.. names.Select(builder.Node).OrderByDescending(Size).ThenBy(n => n.Name, StringComparer.Ordinal).Select(n => n.Name)];

        NodeDescription Node(string name)
        {
            var node = builder.Node(name);
            return new NodeDescription(
                Kind(node),
                node.Name,
                Topics(node),
                node is ProcessorNodeFactory p ? JavaHashSetOrder.Of(p.Stores) : [],
                Sorted(node.Successors),
                node.Predecessors);
        }

        var subtopologies = builder.Subtopologies()
            .Select(subtopology => new SubtopologyDescription(subtopology.Id, [.. Sorted(subtopology.NodeNames).Select(Node)]));
        var globalStores = builder.GlobalSubtopologies().Select(global =>
        {
            var nodes = Sorted(global.NodeNames).Select(Node).ToList();
            return new GlobalStoreDescription(
                global.Id, nodes.Single(n => n.Kind == NodeKind.Source), nodes.Single(n => n.Kind == NodeKind.Processor));
        });
        return new TopologyDescription([.. subtopologies]) { GlobalStores = [.. globalStores] };
    }

    private static NodeKind Kind(NodeFactory node) => node switch
    {
        ISourceNodeFactory => NodeKind.Source,
        ISinkNodeFactory => NodeKind.Sink,
        _ => NodeKind.Processor,
    };

    private static IReadOnlyList<string> Topics(NodeFactory node) => node switch
    {
        ISourceNodeFactory source => source.Topics,
        ISinkNodeFactory { Topic: { } topic } => [topic],
        _ => [],
    };
}
