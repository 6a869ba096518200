using System.Globalization;
using System.Security;
using System.Text;
using StreamsApp.Streams;
using static StreamsApp.Worker.Operations.Topology.TopologyLayout;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Draws a topology description as SVG: sub-topologies side by side, each node a box (sources green, processors
/// blue, sinks orange) naming the node and its topics or stores, arrows from each node to its successors.
/// </summary>
public static class TopologySvgRenderer
{
    private const int MaxLabel = 44;

    /// <summary>The SVG document of <paramref name="description"/>.</summary>
    /// <param name="description">A topology's description.</param>
    public static string Render(TopologyDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var layout = TopologyLayout.Of(description);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{layout.Width}\" height=\"{layout.Height}\" viewBox=\"0 0 {layout.Width} {layout.Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        foreach (var column in layout.Columns)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{column.X}\" y=\"{Margin + 16}\" font-weight=\"bold\" font-size=\"14\">{Escape(column.Title)}</text>\n");
            var byName = column.Nodes.ToDictionary(n => n.Node.Name, StringComparer.Ordinal);
            foreach (var placed in column.Nodes)
            {
                foreach (var successor in placed.Node.Successors)
                {
                    if (byName.TryGetValue(successor, out var target))
                    {
                        AppendEdge(svg, placed, target);
                    }
                }
            }

            foreach (var placed in column.Nodes)
            {
                AppendNode(svg, placed);
            }
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static void AppendNode(StringBuilder svg, PlacedNode placed)
    {
        var node = placed.Node;
        var fill = node.Kind switch
        {
            TopologyDescription.NodeKind.Source => "#d9f2d9",
            TopologyDescription.NodeKind.Sink => "#fde3c8",
            _ => "#dbe8fb",
        };
        var detail = node.Kind == TopologyDescription.NodeKind.Processor
            ? (node.Stores.Count == 0 ? "" : "stores: " + string.Join(", ", node.Stores))
            : (node.Topics.Count == 0 ? "topic: (dynamic)" : "topics: " + string.Join(", ", node.Topics));
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"node {node.Kind.ToString().ToLowerInvariant()}\"><title>{Escape(node.Kind + ": " + node.Name + (detail.Length > 0 ? "\n" + detail : ""))}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{placed.X}\" y=\"{placed.Y}\" width=\"{ColumnWidth}\" height=\"{NodeHeight}\" rx=\"6\" fill=\"{fill}\" stroke=\"#555\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{placed.X + 8}\" y=\"{placed.Y + 18}\" font-weight=\"bold\">{Escape(Shorten(node.Name))}</text>");
        if (detail.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{placed.X + 8}\" y=\"{placed.Y + 36}\" fill=\"#333\">{Escape(Shorten(detail))}</text>");
        }

        svg.Append("</g>\n");
    }

    private static void AppendEdge(StringBuilder svg, PlacedNode from, PlacedNode to)
    {
        if (to.Y == from.Bottom + RowGap)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"edge\" x1=\"{from.CenterX}\" y1=\"{from.Bottom}\" x2=\"{to.CenterX}\" y2=\"{to.Y}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>\n");
            return;
        }

        // Edges that skip rows (or go up) curve along the box's right side so they do not cross the boxes between.
        var right = from.X + ColumnWidth;
        var bend = right + 12 + Math.Abs(to.Y - from.Y) / 12;
        var fromY = from.Y + NodeHeight / 2;
        var toY = to.Y + NodeHeight / 2;
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"edge\" d=\"M{right},{fromY} C{bend},{fromY} {bend},{toY} {right},{toY}\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>\n");
    }

    private static string Shorten(string text) => text.Length <= MaxLabel ? text : text[..(MaxLabel - 1)] + "…";

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
