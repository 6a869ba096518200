namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Where each vertex of an ordered layer grid goes across: each layer in turn is placed as close as its order and
/// gaps allow to where its edges pull it (under its parents going down, over its children going up), by least squares
/// (pool-adjacent-violators). Dummies pull harder, and each long edge's dummies are then lined up where there is room,
/// so long edges run straight.
/// </summary>
internal static class LayerCoordinates
{
    private const int Sweeps = 8;
    private const double DummyWeight = 4;

    /// <summary>Each vertex's left side, the leftmost at 0.</summary>
    public static double[] Assign(LayerGrid grid, double gap)
    {
        var left = LayerOrdering.PackedLefts(grid, gap);
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            for (var row = 1; row < grid.Rows.Length; row++)
            {
                Place(grid, grid.Rows[row], left, gap, above: true, below: false);
            }

            for (var row = grid.Rows.Length - 2; row >= 0; row--)
            {
                Place(grid, grid.Rows[row], left, gap, above: false, below: true);
            }
        }

        foreach (var row in grid.Rows)
        {
            Place(grid, row, left, gap, above: true, below: true);
        }

        Straighten(grid, left, gap);
        var min = grid.Count == 0 ? 0 : left.Min();
        return [.. left.Select(x => x - min)];
    }

    private static void Place(LayerGrid grid, List<int> row, double[] left, double gap, bool above, bool below)
    {
        // Left sides p[i] must keep p[i+1] >= p[i] + width[i] + gap. With q[i] = p[i] - offset[i] (offset: the widths
        // and gaps before i) that reads q[i+1] >= q[i], and the closest such q to the wishes is an isotonic regression.
        var targets = new double[row.Count];
        var weights = new double[row.Count];
        var offset = 0.0;
        for (var i = 0; i < row.Count; i++)
        {
            var vertex = row[i];
            var pulls = (above ? grid.Above(vertex).Select(s => left[s.Upper] + s.UpperPort - s.LowerPort) : [])
                .Concat(below ? grid.Below(vertex).Select(s => left[s.Lower] + s.LowerPort - s.UpperPort) : [])
                .ToList();
            var wish = pulls.Count == 0 ? left[vertex] : pulls.Average();
            weights[i] = (pulls.Count == 0 ? 0.5 : pulls.Count) * (vertex >= grid.RealCount ? DummyWeight : 1);
            targets[i] = wish - offset;
            offset += grid.Width(vertex) + gap;
        }

        var placed = IsotonicRegression(targets, weights);
        offset = 0;
        for (var i = 0; i < row.Count; i++)
        {
            left[row[i]] = placed[i] + offset;
            offset += grid.Width(row[i]) + gap;
        }
    }

    // Puts a long edge's dummies in one line (under its tail's port, over its head's, or at their median) when each
    // dummy's neighbours leave room there.
    private static void Straighten(LayerGrid grid, double[] left, double gap)
    {
        var place = new int[grid.Count];
        foreach (var row in grid.Rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                place[row[i]] = i;
            }
        }

        bool Fits(int dummy, double x)
        {
            var row = grid.Rows[grid.Rank(dummy)];
            var i = place[dummy];
            return (i == 0 || left[row[i - 1]] + grid.Width(row[i - 1]) + gap <= x)
                && (i == row.Count - 1 || x + gap <= left[row[i + 1]]);
        }

        foreach (var chain in grid.Chains.Where(c => c.Length > 2))
        {
            var dummies = chain[1..^1];
            var tail = left[chain[0]] + grid.Below(chain[0]).First(s => s.Lower == chain[1]).UpperPort;
            var head = left[chain[^1]] + grid.Above(chain[^1]).First(s => s.Upper == chain[^2]).LowerPort;
            var median = dummies.Select(d => left[d]).Order().ElementAt(dummies.Length / 2);
            foreach (var x in new[] { tail, head, median }.Where(x => dummies.All(d => Fits(d, x))).Take(1))
            {
                foreach (var dummy in dummies)
                {
                    left[dummy] = x;
                }
            }
        }
    }

    // Pool adjacent violators: merges neighbouring blocks while a block's mean exceeds the next one's.
    private static double[] IsotonicRegression(double[] targets, double[] weights)
    {
        var means = new List<double>();
        var sums = new List<double>();
        var sizes = new List<int>();
        for (var i = 0; i < targets.Length; i++)
        {
            means.Add(targets[i]);
            sums.Add(weights[i]);
            sizes.Add(1);
            while (means.Count > 1 && means[^2] > means[^1])
            {
                var weight = sums[^2] + sums[^1];
                var mean = (means[^2] * sums[^2] + means[^1] * sums[^1]) / weight;
                var size = sizes[^2] + sizes[^1];
                means.RemoveAt(means.Count - 1);
                sums.RemoveAt(sums.Count - 1);
                sizes.RemoveAt(sizes.Count - 1);
                means[^1] = mean;
                sums[^1] = weight;
                sizes[^1] = size;
            }
        }

        var result = new double[targets.Length];
        var at = 0;
        for (var block = 0; block < means.Count; block++)
        {
            for (var i = 0; i < sizes[block]; i++)
            {
                result[at++] = means[block];
            }
        }

        return result;
    }
}
