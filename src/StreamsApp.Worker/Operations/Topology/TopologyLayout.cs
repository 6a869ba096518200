using StreamsApp.Streams;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Where each node of a topology description goes in the diagram: one column per sub-topology (global stores too),
/// side by side, nodes stacked top to bottom in description order.
/// </summary>
internal sealed class TopologyLayout
{
    public const int ColumnWidth = 300;
    public const int ColumnGap = 40;
    public const int NodeHeight = 46;
    public const int RowGap = 26;
    public const int HeaderHeight = 34;
    public const int Margin = 20;

    private TopologyLayout(IReadOnlyList<Column> columns)
    {
        Columns = columns;
        Width = Margin * 2 + Math.Max(1, columns.Count) * (ColumnWidth + ColumnGap) - ColumnGap;
        Height = Margin * 2 + HeaderHeight + columns.Select(c => c.Nodes.Count).DefaultIfEmpty(0).Max() * (NodeHeight + RowGap);
    }

    public IReadOnlyList<Column> Columns { get; }

    public int Width { get; }

    public int Height { get; }

    public static TopologyLayout Of(TopologyDescription description)
    {
        var parts = description.Subtopologies.Select(s => (s.Id, Title: $"Sub-topology {s.Id}", s.Nodes))
            .Concat(description.GlobalStores.Select(g => (g.Id, Title: $"Sub-topology {g.Id} (global store)", Nodes: (IReadOnlyList<TopologyDescription.NodeDescription>)[g.Source, g.Processor])))
            .OrderBy(p => p.Id)
            .ToList();
        var columns = parts.Select((part, index) =>
        {
            var x = Margin + index * (ColumnWidth + ColumnGap);
            var nodes = part.Nodes.Select((node, row) => new PlacedNode(node, x, Margin + HeaderHeight + row * (NodeHeight + RowGap))).ToList();
            return new Column(part.Title, x, nodes);
        }).ToList();
        return new TopologyLayout(columns);
    }

    public sealed record Column(string Title, int X, IReadOnlyList<PlacedNode> Nodes);

    public sealed record PlacedNode(TopologyDescription.NodeDescription Node, int X, int Y)
    {
        public int CenterX => X + ColumnWidth / 2;

        public int Bottom => Y + NodeHeight;
    }
}
