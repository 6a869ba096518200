using System.Text;
using StreamsApp.Streams;
using static StreamsApp.Worker.Operations.Topology.TopologySvgWriter;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>The SVG of one box: a source, processor or sink with its stores, or a topic.</summary>
internal static class SvgBoxes
{
    // From a line's top to its text's baseline.
    private const double Baseline = 10.5;

    public static void AppendNode(StringBuilder svg, DrawnNode drawn)
    {
        var (node, box, card) = (drawn.Node, drawn.Box, drawn.Card);
        var kind = node.Kind.ToString().ToLowerInvariant();
        var title = $"{node.Kind}: {node.Name}"
            + (node.Topics.Count > 0 ? $"\ntopics: {string.Join(", ", node.Topics)}" : node.Kind == TopologyDescription.NodeKind.Sink ? "\ntopic: chosen per record" : "")
            + (node.Stores.Count > 0 ? $"\nstores: {string.Join(", ", node.Stores)}" : "");
        svg.Append(Invariant($"<g class=\"node {kind}\" data-node=\"{Escape(node.Name)}\"><title>{Escape(title)}</title>"));
        svg.Append(Invariant($"<rect class=\"box\" {Bounds(box)} rx=\"5\"/>"));
        AppendLines(svg, card, box, card.Number is null ? "" : " generated");
        if (card.Stores.Count > 0)
        {
            var top = box.Y + card.StoresTop;
            svg.Append(Invariant($"<rect class=\"stores\" x=\"{N(box.X + 0.6)}\" y=\"{N(top)}\" width=\"{N(box.Width - 1.2)}\" height=\"{N(box.Bottom - top - 0.6)}\" rx=\"4\"/>"));
            for (var i = 0; i < card.Stores.Count; i++)
            {
                var lineTop = top + NodeCard.PadY / 2 + i * NodeCard.StoreLineHeight;
                var x = box.X + NodeCard.PadX;
                svg.Append(Invariant($"<path class=\"store-icon\" d=\"M{N(x)},{N(lineTop + 4)} v6 a4,1.6 0 0 0 8,0 v-6 a4,1.6 0 0 0 -8,0 a4,1.6 0 0 0 8,0\"/>"));
                svg.Append(Invariant($"<text class=\"store\" data-store=\"{Escape(node.Stores[i])}\" x=\"{N(x + NodeCard.StoreIconWidth)}\" y=\"{N(lineTop + Baseline)}\">{Escape(card.Stores[i])}</text>"));
            }
        }

        svg.Append("</g>\n");
    }

    public static void AppendTopic(StringBuilder svg, DrawnTopic topic)
    {
        var box = topic.Box;
        svg.Append(Invariant($"<g class=\"topic\" data-topic=\"{Escape(topic.Name)}\"><title>{Escape("Topic: " + topic.Name)}</title>"));
        svg.Append(Invariant($"<rect {Bounds(box)} rx=\"{N(Math.Min(box.Height / 2, 12))}\"/>"));
        AppendLines(svg, topic.Card, box, "");
        svg.Append("</g>\n");
    }

    // The label's lines, centred; a generated name's number small after the last one.
    private static void AppendLines(StringBuilder svg, NodeCard card, Box box, string style)
    {
        for (var i = 0; i < card.Lines.Count; i++)
        {
            var number = i == card.Lines.Count - 1 && card.Number is { } n ? Invariant($"<tspan class=\"number\"> {n}</tspan>") : "";
            svg.Append(Invariant($"<text class=\"label{style}\" x=\"{N(box.CenterX)}\" y=\"{N(box.Y + NodeCard.PadY + i * NodeCard.LineHeight + Baseline + 1)}\" text-anchor=\"middle\">{Escape(card.Lines[i])}{number}</text>"));
        }
    }
}
