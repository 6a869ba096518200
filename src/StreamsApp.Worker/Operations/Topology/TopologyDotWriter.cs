using System.Text;
using StreamsApp.Streams;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Writes a topology's flow as Graphviz DOT, for docs: each sub-topology a cluster, each topic a node of its own
/// between them, labels as the picture shows them and the full name as the tooltip.
/// </summary>
internal static class TopologyDotWriter
{
    /// <summary>The DOT text of <paramref name="description"/>'s flow.</summary>
    public static string Write(TopologyDescription description)
    {
        var flow = FlowGraph.Of(description);
        var ids = new DiagramIds(flow);
        var text = new StringBuilder("digraph topology {\n")
            .Append("    node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=11];\n");
        foreach (var group in flow.Groups)
        {
            text.Append($"    subgraph cluster_{group.Id} {{\n")
                .Append($"        label={Quote(group.Title)}; style=\"rounded,filled\"; fillcolor=\"{DiagramColours.Frame.Fill}\"; color=\"{DiagramColours.Frame.Stroke}\";\n");
            foreach (var node in group.Nodes)
            {
                text.Append($"        {ids.Node(node.Name)} [{Attributes(NodeLabel.Of(node.Name).OneLine, node.Name, DiagramColours.Of(node.Kind))}];\n");
            }

            text.Append("    }\n");
        }

        foreach (var topic in flow.Topics)
        {
            text.Append($"    {ids.Topic(topic)} [{Attributes(topic, topic, DiagramColours.Topic)}, shape=cylinder];\n");
        }

        foreach (var edge in flow.Edges)
        {
            text.Append($"    {ids.Tail(edge)} -> {ids.Head(edge)};\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Attributes(string label, string tooltip, BoxColours colours) =>
        $"label={Quote(label)}, tooltip={Quote(tooltip)}, fillcolor=\"{colours.Fill}\", color=\"{colours.Stroke}\"";

    // A DOT quoted string: only the quote and the backslash need escaping.
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
