namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// The input of a layered drawing, top to bottom: boxes with sizes and layers (ranks), and edges that each go down
/// from a port on a box's bottom side to a port on a lower box's top side.
/// </summary>
internal sealed class LayeredGraph
{
    private readonly List<LayeredNode> _nodes = [];
    private readonly List<LayeredEdge> _edges = [];

    public IReadOnlyList<LayeredNode> Nodes => _nodes;

    public IReadOnlyList<LayeredEdge> Edges => _edges;

    /// <summary>Adds a box; returns its index.</summary>
    /// <param name="width">Its width.</param>
    /// <param name="height">Its height.</param>
    /// <param name="rank">Its layer, 0 the top.</param>
    /// <param name="orderHint">
    /// Where it should come in its layer: a layer with hints is ordered by them (boxes without one last) and kept so.
    /// </param>
    public int AddNode(double width, double height, int rank, double? orderHint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        _nodes.Add(new LayeredNode(width, height, rank, orderHint));
        return _nodes.Count - 1;
    }

    /// <summary>Adds an edge from a port of <paramref name="tail"/> to one of a box in a lower layer; returns its index.</summary>
    /// <param name="tail">The upper box.</param>
    /// <param name="head">The lower box.</param>
    /// <param name="tailPort">Where on the tail's bottom side it leaves, from the box's left.</param>
    /// <param name="headPort">Where on the head's top side it arrives, from the box's left.</param>
    public int AddEdge(int tail, int head, double tailPort, double headPort)
    {
        if (_nodes[head].Rank <= _nodes[tail].Rank)
        {
            throw new ArgumentException($"An edge must go down: node {tail} is in layer {_nodes[tail].Rank}, node {head} in {_nodes[head].Rank}.", nameof(head));
        }

        _edges.Add(new LayeredEdge(tail, head, tailPort, headPort));
        return _edges.Count - 1;
    }
}

/// <summary>A box of a layered graph.</summary>
internal readonly record struct LayeredNode(double Width, double Height, int Rank, double? OrderHint);

/// <summary>An edge of a layered graph, with its ports (offsets from the boxes' left sides).</summary>
internal readonly record struct LayeredEdge(int Tail, int Head, double TailPort, double HeadPort);

/// <summary>How far apart a layered drawing keeps things.</summary>
/// <param name="NodeGap">Between neighbours in a layer (and from a long edge passing by).</param>
/// <param name="LayerGap">Between two layers: the band where edges bend.</param>
internal readonly record struct LayerSpacing(double NodeGap, double LayerGap);
