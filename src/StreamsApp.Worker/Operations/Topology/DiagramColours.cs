using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>The colours of the picture, one set for every format (SVG, Mermaid, DOT) so they read alike.</summary>
internal static class DiagramColours
{
    public static readonly BoxColours Source = new("#dcf2e1", "#3c8d50");
    public static readonly BoxColours Processor = new("#e2ecfb", "#4a74b5");
    public static readonly BoxColours Sink = new("#fde7d0", "#c07a2c");
    public static readonly BoxColours Topic = new("#efe6f8", "#7a5ca8");
    public static readonly BoxColours Frame = new("#f6f7f9", "#aab2bf");

    /// <summary>The colours of a node of <paramref name="kind"/>.</summary>
    public static BoxColours Of(NodeKind kind) => kind switch
    {
        NodeKind.Source => Source,
        NodeKind.Sink => Sink,
        _ => Processor,
    };
}

/// <summary>A box's fill and border colours.</summary>
internal sealed record BoxColours(string Fill, string Stroke);
