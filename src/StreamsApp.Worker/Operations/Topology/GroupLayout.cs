using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// One sub-topology drawn on its own, in a frame: sources in the top layer and sinks in the bottom one, so the topics
/// joining it to the rest of the flow attach straight to the frame's top and bottom sides. Given hints (where each
/// source's and sink's topic edge meets the frame, from a first drawing), those layers follow them, so the edges
/// outside the frame do not cross.
/// </summary>
internal sealed class GroupLayout
{
    private const double PadX = 14;
    private const double TitleHeight = 26;
    private const double PadBottom = 14;

    // Room beside the title for the live rate the web console writes there ("12.5 rec/s · lag 0" at 12 px, with room to spare).
    private const double LiveRateWidth = 120;
    private const double BoldFactor = 1.1;

    private static readonly LayerSpacing Spacing = new(NodeGap: 14, LayerGap: 22);

    private readonly Dictionary<string, int> _indexes;
    private readonly Dictionary<(int Tail, int Head), EdgePath> _edges = [];

    public GroupLayout(FlowGroup group, IReadOnlyDictionary<string, double> hints)
    {
        Group = group;
        Cards = [.. group.Nodes.Select(NodeCard.Of)];
        _indexes = group.Nodes.Select((node, i) => (node.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var edges = group.Nodes
            .SelectMany((node, i) => node.Successors.Where(_indexes.ContainsKey).Select(successor => (Tail: i, Head: _indexes[successor])))
            .ToList();
        var ranks = Ranking.LongestPath(group.Nodes.Count, edges);
        var bottom = ranks.DefaultIfEmpty(0).Max();

        var graph = new LayeredGraph();
        for (var i = 0; i < group.Nodes.Count; i++)
        {
            var node = group.Nodes[i];
            graph.AddNode(Cards[i].Width, Cards[i].Height, node.Kind == NodeKind.Sink ? bottom : ranks[i], hints.TryGetValue(node.Name, out var hint) ? hint : null);
        }

        foreach (var (tail, head) in edges)
        {
            graph.AddEdge(tail, head, Cards[tail].Width / 2, Cards[head].Width / 2);
        }

        var drawing = LayeredLayout.Draw(graph, Spacing);
        Width = Math.Max(drawing.Width, BoldFactor * NodeCard.TextWidth(group.Title, NodeCard.FontSize) + LiveRateWidth) + 2 * PadX;
        Height = TitleHeight + drawing.Height + PadBottom;

        // Centred in a frame the title made wider.
        var left = (Width - drawing.Width) / 2;
        Boxes = [.. drawing.Nodes.Select(b => b.Offset(left, TitleHeight))];
        for (var e = 0; e < edges.Count; e++)
        {
            _edges[edges[e]] = drawing.Edges[e].Offset(left, TitleHeight);
        }
    }

    public FlowGroup Group { get; }

    public IReadOnlyList<NodeCard> Cards { get; }

    /// <summary>Each node's box, from the frame's top left corner.</summary>
    public IReadOnlyList<Box> Boxes { get; }

    public double Width { get; }

    public double Height { get; }

    public bool Contains(string node) => _indexes.ContainsKey(node);

    /// <summary>The box of the node named <paramref name="node"/>, from the frame's top left corner.</summary>
    public Box BoxOf(string node) => Boxes[_indexes[node]];

    /// <summary>The line of the edge from <paramref name="from"/> to <paramref name="to"/>, from the frame's top left corner.</summary>
    public EdgePath EdgeOf(string from, string to) => _edges[(_indexes[from], _indexes[to])];
}
