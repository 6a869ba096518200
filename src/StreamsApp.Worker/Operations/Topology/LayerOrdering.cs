namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Orders each layer to reduce crossings: barycenter sweeps down and up, each vertex moved under (or over) the mean
/// position of the ports it is joined to, then neighbours swapped where that removes crossings (transposition);
/// the order with the fewest crossings seen is kept. Pinned layers keep their order.
/// </summary>
internal static class LayerOrdering
{
    private const int Sweeps = 16;

    public static void ReduceCrossings(LayerGrid grid, double gap)
    {
        var best = grid.Snapshot();
        var fewest = Crossings(grid, gap);
        for (var sweep = 0; sweep < Sweeps && fewest > 0; sweep++)
        {
            for (var row = 1; row < grid.Rows.Length; row++)
            {
                SortByBarycenter(grid, row, gap, fromAbove: true);
            }

            for (var row = grid.Rows.Length - 2; row >= 0; row--)
            {
                SortByBarycenter(grid, row, gap, fromAbove: false);
            }

            Transpose(grid, gap);
            var crossings = Crossings(grid, gap);
            if (crossings < fewest)
            {
                fewest = crossings;
                best = grid.Snapshot();
            }
        }

        grid.Restore(best);
    }

    /// <summary>How many pairs of segments cross, the layers packed side by side as they are ordered.</summary>
    private static int Crossings(LayerGrid grid, double gap)
    {
        var left = PackedLefts(grid, gap);
        return Enumerable.Range(0, Math.Max(0, grid.Rows.Length - 1)).Sum(row => CrossingsBelow(grid, row, left));
    }

    private static int CrossingsBelow(LayerGrid grid, int row, double[] left)
    {
        var segments = grid.Rows[row].SelectMany(grid.Below)
            .Select(s => (Upper: left[s.Upper] + s.UpperPort, Lower: left[s.Lower] + s.LowerPort))
            .ToList();
        var crossings = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            for (var j = i + 1; j < segments.Count; j++)
            {
                if ((segments[i].Upper - segments[j].Upper) * (segments[i].Lower - segments[j].Lower) < 0)
                {
                    crossings++;
                }
            }
        }

        return crossings;
    }

    // Swaps neighbours while a swap lowers the crossings on either side of their layer.
    private static void Transpose(LayerGrid grid, double gap)
    {
        int Around(int row)
        {
            var left = PackedLefts(grid, gap);
            return (row > 0 ? CrossingsBelow(grid, row - 1, left) : 0) + (row + 1 < grid.Rows.Length ? CrossingsBelow(grid, row, left) : 0);
        }

        for (var improved = true; improved;)
        {
            improved = false;
            for (var row = 0; row < grid.Rows.Length; row++)
            {
                var vertices = grid.Rows[row];
                for (var i = 0; i + 1 < vertices.Count && !grid.Pinned[row]; i++)
                {
                    var before = Around(row);
                    (vertices[i], vertices[i + 1]) = (vertices[i + 1], vertices[i]);
                    if (Around(row) < before)
                    {
                        improved = true;
                    }
                    else
                    {
                        (vertices[i], vertices[i + 1]) = (vertices[i + 1], vertices[i]);
                    }
                }
            }
        }
    }

    /// <summary>Each vertex's left side with every layer packed tight (<paramref name="gap"/> apart) and centred on 0.</summary>
    public static double[] PackedLefts(LayerGrid grid, double gap)
    {
        var left = new double[grid.Count];
        foreach (var row in grid.Rows)
        {
            var x = -(row.Sum(grid.Width) + gap * (row.Count - 1)) / 2;
            foreach (var vertex in row)
            {
                left[vertex] = x;
                x += grid.Width(vertex) + gap;
            }
        }

        return left;
    }

    private static void SortByBarycenter(LayerGrid grid, int row, double gap, bool fromAbove)
    {
        if (grid.Pinned[row])
        {
            return;
        }

        var left = PackedLefts(grid, gap);
        var centers = grid.Rows[row].ToDictionary(v => v, v =>
        {
            var segments = fromAbove ? grid.Above(v) : grid.Below(v);
            return segments.Count == 0
                ? left[v] + grid.Width(v) / 2
                : segments.Average(s => fromAbove ? left[s.Upper] + s.UpperPort - s.LowerPort : left[s.Lower] + s.LowerPort - s.UpperPort) + grid.Width(v) / 2;
        });

        // OrderBy is stable: vertices with equal barycenters keep their order.
        grid.Rows[row] = [.. grid.Rows[row].OrderBy(v => centers[v])];
    }
}
