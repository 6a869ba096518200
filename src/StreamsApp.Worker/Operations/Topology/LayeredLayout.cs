namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Draws a layered graph top to bottom, Sugiyama style: long edges cut through dummy vertices, layers ordered to
/// reduce crossings, vertices placed across by least squares, layers stacked with a band between them. Inside a
/// layer an edge runs straight down its own place; it bends only in the bands, so it crosses no box.
/// </summary>
internal static class LayeredLayout
{
    public static LayeredDrawing Draw(LayeredGraph graph, LayerSpacing spacing)
    {
        var grid = new LayerGrid(graph);
        LayerOrdering.ReduceCrossings(grid, spacing.NodeGap);
        var left = LayerCoordinates.Assign(grid, spacing.NodeGap);

        var rows = new List<LayerBand>(grid.Rows.Length);
        var y = 0.0;
        foreach (var row in grid.Rows)
        {
            var height = row.Count == 0 ? 0 : row.Max(grid.Height);
            rows.Add(new LayerBand(y, y + height));
            y += height + spacing.LayerGap;
        }

        var boxes = Enumerable.Range(0, grid.RealCount).Select(v =>
        {
            var band = rows[grid.Rank(v)];
            return new Box(left[v], band.Top + (band.Height - grid.Height(v)) / 2, grid.Width(v), grid.Height(v));
        }).ToList();
        var width = Enumerable.Range(0, grid.Count).Select(v => left[v] + grid.Width(v)).DefaultIfEmpty(0).Max();
        var edges = grid.Chains.Select((chain, e) => Route(grid, chain, graph.Edges[e], left, rows, boxes)).ToList();
        return new LayeredDrawing(boxes, edges, rows, width, rows.Count == 0 ? 0 : rows[^1].Bottom);
    }

    private static EdgePath Route(LayerGrid grid, int[] chain, LayeredEdge edge, double[] left, List<LayerBand> rows, List<Box> boxes)
    {
        var tail = boxes[chain[0]];
        var at = new Point(tail.X + edge.TailPort, tail.Bottom);
        var path = new PathBuilder(at);
        path.LineTo(at with { Y = rows[grid.Rank(chain[0])].Bottom });
        for (var i = 1; i < chain.Length; i++)
        {
            var vertex = chain[i];
            var band = rows[grid.Rank(vertex)];
            var isHead = i == chain.Length - 1;
            var x = left[vertex] + (isHead ? edge.HeadPort : 0);
            path.BendTo(new Point(x, band.Top));
            path.LineTo(new Point(x, isHead ? boxes[vertex].Y : band.Bottom));
        }

        return path.Build();
    }
}

/// <summary>A layer's extent down the picture.</summary>
internal readonly record struct LayerBand(double Top, double Bottom)
{
    public double Height => Bottom - Top;
}

/// <summary>A drawn layered graph.</summary>
/// <param name="Nodes">Each box of the graph, placed.</param>
/// <param name="Edges">Each edge's line, from the tail's port to the head's.</param>
/// <param name="Layers">Each layer's extent.</param>
/// <param name="Width">How wide it is.</param>
/// <param name="Height">How tall it is.</param>
internal sealed record LayeredDrawing(IReadOnlyList<Box> Nodes, IReadOnlyList<EdgePath> Edges, IReadOnlyList<LayerBand> Layers, double Width, double Height);
