using StreamsApp.Streams;
using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Writes a topology's flow as Graphviz DOT, for docs: each sub-topology a cluster, each topic a node of its own
/// between them, labels as the picture shows them and the full name as the tooltip.
/// </summary>
internal sealed class TopologyDotWriter : FlowTextWriter
{
    private static readonly TopologyDotWriter Format = new();

    protected override string Header =>
        "digraph topology {\n    node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=11];\n";

    protected override string GroupEnd => "    }\n";

    protected override string Footer => "}\n";

    /// <summary>The DOT text of <paramref name="description"/>'s flow.</summary>
    public static string Write(TopologyDescription description) => Format.Text(description);

    protected override string GroupStart(FlowGroup group) =>
        $"    subgraph cluster_{group.Id} {{\n        label={Quote(group.Title)}; style=\"rounded,filled\"; " +
        $"fillcolor=\"{DiagramColours.Frame.Fill}\"; color=\"{DiagramColours.Frame.Stroke}\";\n";

    protected override string Node(string id, NodeDescription node) =>
        $"        {id} [{Attributes(NodeLabel.Of(node.Name).OneLine, node.Name, DiagramColours.Of(node.Kind))}];\n";

    protected override string Topic(string id, string topic) => $"    {id} [{Attributes(topic, topic, DiagramColours.Topic)}, shape=cylinder];\n";

    protected override string Edge(string tail, string head) => $"    {tail} -> {head};\n";

    private static string Attributes(string label, string tooltip, BoxColours colours) =>
        $"label={Quote(label)}, tooltip={Quote(tooltip)}, fillcolor=\"{colours.Fill}\", color=\"{colours.Stroke}\"";

    // A DOT quoted string: only the quote and the backslash need escaping.
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
