namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// A layered graph with each edge spanning several layers cut into one-layer segments through dummy vertices (points a
/// line passes through, each taking its own place in its layer so no box sits on it), and each layer's vertices in
/// their order from left to right.
/// </summary>
internal sealed class LayerGrid
{
    private readonly List<double> _widths = [];
    private readonly List<double> _heights = [];
    private readonly List<int> _ranks = [];
    private readonly List<List<Segment>> _above = [];
    private readonly List<List<Segment>> _below = [];

    public LayerGrid(LayeredGraph graph)
    {
        foreach (var node in graph.Nodes)
        {
            Add(node.Width, node.Height, node.Rank);
        }

        RealCount = graph.Nodes.Count;
        var chains = new List<int[]>(graph.Edges.Count);
        foreach (var edge in graph.Edges)
        {
            var chain = new List<int> { edge.Tail };
            for (var rank = graph.Nodes[edge.Tail].Rank + 1; rank < graph.Nodes[edge.Head].Rank; rank++)
            {
                chain.Add(Add(0, 0, rank));
            }

            chain.Add(edge.Head);
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                var segment = new Segment(chain[i], chain[i + 1], i == 0 ? edge.TailPort : 0, i + 2 == chain.Count ? edge.HeadPort : 0);
                _below[chain[i]].Add(segment);
                _above[chain[i + 1]].Add(segment);
            }

            chains.Add([.. chain]);
        }

        Chains = chains;
        Rows = [.. Enumerable.Range(0, _ranks.Count == 0 ? 0 : _ranks.Max() + 1).Select(_ => new List<int>())];
        foreach (var vertex in InitialOrder(graph))
        {
            Rows[_ranks[vertex]].Add(vertex);
        }

        Pinned = [.. Rows.Select(row => row.Any(v => v < RealCount && graph.Nodes[v].OrderHint is not null))];
        foreach (var row in Rows.Where((_, r) => Pinned[r]))
        {
            var hinted = row.OrderBy(v => v < RealCount ? graph.Nodes[v].OrderHint ?? double.MaxValue : double.MaxValue).ToList();
            row.Clear();
            row.AddRange(hinted);
        }
    }

    /// <summary>How many vertices are boxes of the graph (the first ones); the rest are dummies.</summary>
    public int RealCount { get; }

    public int Count => _ranks.Count;

    /// <summary>Each edge of the graph as the vertices it passes, tail first.</summary>
    public IReadOnlyList<int[]> Chains { get; }

    /// <summary>Which layers keep the order their boxes' hints gave them.</summary>
    public IReadOnlyList<bool> Pinned { get; }

    /// <summary>Each layer's vertices, left to right.</summary>
    public List<int>[] Rows { get; private set; }

    public double Width(int vertex) => _widths[vertex];

    public double Height(int vertex) => _heights[vertex];

    public int Rank(int vertex) => _ranks[vertex];

    /// <summary>The segments arriving at <paramref name="vertex"/> from the layer above.</summary>
    public IReadOnlyList<Segment> Above(int vertex) => _above[vertex];

    /// <summary>The segments leaving <paramref name="vertex"/> for the layer below.</summary>
    public IReadOnlyList<Segment> Below(int vertex) => _below[vertex];

    /// <summary>The layers' orders, to put back with <see cref="Restore"/>.</summary>
    public int[][] Snapshot() => [.. Rows.Select(row => row.ToArray())];

    public void Restore(int[][] snapshot) => Rows = [.. snapshot.Select(row => row.ToList())];

    private int Add(double width, double height, int rank)
    {
        _widths.Add(width);
        _heights.Add(height);
        _ranks.Add(rank);
        _above.Add([]);
        _below.Add([]);
        return _ranks.Count - 1;
    }

    // Depth first from the top layer's boxes in the graph's order: what hangs from one box starts out together.
    private List<int> InitialOrder(LayeredGraph graph)
    {
        var seen = new bool[Count];
        var order = new List<int>(Count);
        var stack = new Stack<int>();
        foreach (var root in Enumerable.Range(0, graph.Nodes.Count).OrderBy(v => _ranks[v]))
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var vertex = stack.Pop();
                if (seen[vertex])
                {
                    continue;
                }

                seen[vertex] = true;
                order.Add(vertex);
                for (var i = _below[vertex].Count - 1; i >= 0; i--)
                {
                    stack.Push(_below[vertex][i].Lower);
                }
            }
        }

        return order;
    }
}

/// <summary>A one-layer piece of an edge, with its ports (offsets from the vertices' left sides).</summary>
internal readonly record struct Segment(int Upper, int Lower, double UpperPort, double LowerPort);
