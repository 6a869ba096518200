using System.Text;
using StreamsApp.Streams;
using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Writes a topology's flow as a Mermaid flowchart, for docs: each sub-topology a subgraph, each topic a node of its
/// own between them, labels as the picture shows them (the user's name, else the operator and its number).
/// </summary>
internal sealed class TopologyMermaidWriter : FlowTextWriter
{
    private static readonly TopologyMermaidWriter Format = new();

    // The node kinds' colours, after the flow.
    private static readonly string ClassDefinitions = string.Concat(
        new[] { ("source", DiagramColours.Source), ("processor", DiagramColours.Processor), ("sink", DiagramColours.Sink), ("topic", DiagramColours.Topic) }
            .Select(kind => $"    classDef {kind.Item1} fill:{kind.Item2.Fill},stroke:{kind.Item2.Stroke}\n"));

    protected override string Header => "flowchart TB\n";

    protected override string GroupEnd => "    end\n";

    protected override string Footer => ClassDefinitions;

    /// <summary>The Mermaid text of <paramref name="description"/>'s flow.</summary>
    public static string Write(TopologyDescription description) => Format.Text(description);

    protected override string GroupStart(FlowGroup group) => $"    subgraph s_{group.Id} [\"{Escape(group.Title)}\"]\n";

    protected override string Node(string id, NodeDescription node) =>
        $"        {id}[\"{Escape(NodeLabel.Of(node.Name).OneLine)}\"]:::{node.Kind.ToString().ToLowerInvariant()}\n";

    protected override string Topic(string id, string topic) => $"    {id}[(\"{Escape(topic)}\")]:::topic\n";

    protected override string Edge(string tail, string head) => $"    {tail} --> {head}\n";

    // Mermaid's entity codes for what would end a quoted label or be read as HTML.
    private static string Escape(string label) => new StringBuilder(label)
        .Replace("#", "#35;").Replace("&", "#amp;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;")
        .ToString();
}
