using System.Globalization;
using System.Security;
using System.Text;
using StreamsApp.Streams;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Writes a topology's picture as SVG: the sub-topology frames' fills, the edges, the frames' outlines and titles,
/// then the boxes. Each frame is a <c>&lt;g data-subtopology="id"&gt;</c> (the web console writes live rates into it,
/// top right); every box carries its full name in a <c>&lt;title&gt;</c> (the tooltip) and in a data attribute
/// (<c>data-node</c>, <c>data-topic</c>, <c>data-store</c>).
/// </summary>
internal static class TopologySvgWriter
{
    // Every rule under the picture's own class: a page that embeds the SVG inline (the web console) gets them too.
    private static readonly string Style = string.Concat(new[]
    {
        $".frame-fill{{fill:{DiagramColours.Frame.Fill}}}",
        ".frame-fill.global{fill:#f3f8f1}",
        $".frame{{fill:none;stroke:{DiagramColours.Frame.Stroke}}}",
        $".frame-title{{font-weight:bold;fill:#4b5563;paint-order:stroke;stroke:{DiagramColours.Frame.Fill};stroke-width:4px}}",
        ".node rect.box{stroke-width:1.2}",
        $".source rect.box{{fill:{DiagramColours.Source.Fill};stroke:{DiagramColours.Source.Stroke}}}",
        $".processor rect.box{{fill:{DiagramColours.Processor.Fill};stroke:{DiagramColours.Processor.Stroke}}}",
        $".sink rect.box{{fill:{DiagramColours.Sink.Fill};stroke:{DiagramColours.Sink.Stroke}}}",
        $".topic rect{{fill:{DiagramColours.Topic.Fill};stroke:{DiagramColours.Topic.Stroke};stroke-width:1.2}}",
        ".stores{fill:#fff4cc;stroke:none}",
        ".store-icon{fill:#f2d36b;stroke:#a8862a;stroke-width:0.8}",
        ".number{font-size:9px;fill:#6b7280}",
        ".generated{font-style:italic}",
        ".store{font-size:10px;fill:#5b4a12}",
        ".edge{fill:none;stroke:#5d6470;stroke-width:1.3}",
        $".edge.topic-edge{{stroke:{DiagramColours.Topic.Stroke}}}",
        ".edge.feedback{stroke:#c0612b;stroke-dasharray:6 3}",
        ".legend{fill:#4b5563}",
    }.Select(rule => ".streams-topology " + rule));

    /// <summary>The SVG document of <paramref name="description"/>'s flow.</summary>
    public static string Write(TopologyDescription description) => Write(TopologyLayout.Draw(FlowGraph.Of(description)));

    public static string Write(TopologyDrawing drawing)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"streams-topology\" width=\"{N(drawing.Width)}\" height=\"{N(drawing.Height)}\" viewBox=\"0 0 {N(drawing.Width)} {N(drawing.Height)}\" font-family=\"sans-serif\" font-size=\"{N(NodeCard.FontSize)}\">\n"));
        svg.Append("<style>").Append(Style).Append("</style>\n<defs>");
        foreach (var (id, colour) in new[] { ("topology-arrow", "#5d6470"), ("topology-arrow-topic", DiagramColours.Topic.Stroke), ("topology-arrow-feedback", "#c0612b") })
        {
            svg.Append(Invariant($"<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>"));
        }

        svg.Append("</defs>\n");
        AppendLegend(svg);
        foreach (var group in drawing.Groups)
        {
            svg.Append(Invariant($"<rect class=\"frame-fill{(group.Group.IsGlobal ? " global" : "")}\" {Bounds(group.Frame)} rx=\"10\"/>\n"));
        }

        svg.Append("<g class=\"edges\">\n");
        foreach (var edge in drawing.Edges)
        {
            AppendEdge(svg, edge);
        }

        // The frames' outlines and titles over the lines, which enter a frame across its title band: the title's halo
        // keeps it readable, and so is what the web console writes into the frame's group.
        svg.Append("</g>\n");
        foreach (var group in drawing.Groups)
        {
            var frame = group.Frame;
            svg.Append(Invariant($"<g class=\"subtopology\" data-subtopology=\"{group.Group.Id}\"><title>{Escape(group.Group.Title)}</title>"));
            svg.Append(Invariant($"<rect class=\"frame\" {Bounds(frame)} rx=\"10\"/>"));
            svg.Append(Invariant($"<text class=\"frame-title\" x=\"{N(frame.X + 10)}\" y=\"{N(frame.Y + 17)}\">{Escape(group.Group.Title)}</text></g>\n"));
        }

        foreach (var group in drawing.Groups)
        {
            foreach (var node in group.Nodes)
            {
                SvgBoxes.AppendNode(svg, node);
            }
        }

        foreach (var topic in drawing.Topics)
        {
            SvgBoxes.AppendTopic(svg, topic);
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>A box's <c>x</c>, <c>y</c>, <c>width</c> and <c>height</c> attributes.</summary>
    public static string Bounds(Box box) => Invariant($"x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\"");

    /// <summary>A number as SVG wants it: invariant, at most one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void AppendEdge(StringBuilder svg, DrawnEdge drawn)
    {
        var (kind, marker) = drawn switch
        {
            { IsFeedback: true } => ("edge feedback", "topology-arrow-feedback"),
            { Edge.Kind: FlowEdgeKind.Within } => ("edge", "topology-arrow"),
            _ => ("edge topic-edge", "topology-arrow-topic"),
        };
        var path = drawn.Path;
        var d = new StringBuilder(Invariant($"M{N(path.Start.X)},{N(path.Start.Y)}"));
        foreach (var piece in path.Pieces)
        {
            d.Append(piece.IsCurve
                ? Invariant($" C{N(piece.Control1.X)},{N(piece.Control1.Y)} {N(piece.Control2.X)},{N(piece.Control2.Y)} {N(piece.To.X)},{N(piece.To.Y)}")
                : Invariant($" L{N(piece.To.X)},{N(piece.To.Y)}"));
        }

        var edge = drawn.Edge;
        svg.Append(Invariant($"<path class=\"{kind}\" data-from=\"{Escape(edge.From)}\" data-to=\"{Escape(edge.To)}\" d=\"{d}\" marker-end=\"url(#{marker})\"><title>{Escape(edge.From + " → " + edge.To)}</title></path>\n"));
    }

    private static void AppendLegend(StringBuilder svg)
    {
        svg.Append("<g class=\"legend\" font-size=\"10\">");
        var x = 48.0;
        foreach (var (kind, label) in new[] { ("source", "source"), ("processor", "processor"), ("sink", "sink") })
        {
            svg.Append(Invariant($"<g class=\"{kind}\"><rect class=\"box\" x=\"{N(x)}\" y=\"14\" width=\"14\" height=\"10\" rx=\"2\"/></g><text x=\"{N(x + 18)}\" y=\"23\">{label}</text>"));
            x += 30 + NodeCard.TextWidth(label, 10);
        }

        svg.Append(Invariant($"<g class=\"topic\"><rect x=\"{N(x)}\" y=\"14\" width=\"18\" height=\"10\" rx=\"5\"/></g><text x=\"{N(x + 22)}\" y=\"23\">topic</text>"));
        x += 34 + NodeCard.TextWidth("topic", 10);
        svg.Append(Invariant($"<rect class=\"stores\" x=\"{N(x)}\" y=\"14\" width=\"14\" height=\"10\"/><text x=\"{N(x + 18)}\" y=\"23\">state store</text>"));
        x += 30 + NodeCard.TextWidth("state store", 10);
        svg.Append(Invariant($"<path class=\"edge feedback\" d=\"M{N(x)},19 L{N(x + 24)},19\" marker-end=\"url(#topology-arrow-feedback)\"/><text x=\"{N(x + 30)}\" y=\"23\">back up the flow (replies)</text>"));
        svg.Append("</g>\n");
    }
}
