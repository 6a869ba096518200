using System.Text;
using StreamsApp.Streams;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Writes a topology's flow as a Mermaid flowchart, for docs: each sub-topology a subgraph, each topic a node of its
/// own between them, labels as the picture shows them (the user's name, else the operator and its number).
/// </summary>
internal static class TopologyMermaidWriter
{
    /// <summary>The Mermaid text of <paramref name="description"/>'s flow.</summary>
    public static string Write(TopologyDescription description)
    {
        var flow = FlowGraph.Of(description);
        var ids = new DiagramIds(flow);
        var text = new StringBuilder("flowchart TB\n");
        foreach (var group in flow.Groups)
        {
            text.Append($"    subgraph s_{group.Id} [\"{Escape(group.Title)}\"]\n");
            foreach (var node in group.Nodes)
            {
                text.Append($"        {ids.Node(node.Name)}[\"{Escape(NodeLabel.Of(node.Name).OneLine)}\"]:::{node.Kind.ToString().ToLowerInvariant()}\n");
            }

            text.Append("    end\n");
        }

        foreach (var topic in flow.Topics)
        {
            text.Append($"    {ids.Topic(topic)}[(\"{Escape(topic)}\")]:::topic\n");
        }

        foreach (var edge in flow.Edges)
        {
            text.Append($"    {ids.Tail(edge)} --> {ids.Head(edge)}\n");
        }

        foreach (var (name, colours) in new[] { ("source", DiagramColours.Source), ("processor", DiagramColours.Processor), ("sink", DiagramColours.Sink), ("topic", DiagramColours.Topic) })
        {
            text.Append($"    classDef {name} fill:{colours.Fill},stroke:{colours.Stroke}\n");
        }

        return text.ToString();
    }

    // Mermaid's entity codes for what would end a quoted label or be read as HTML.
    private static string Escape(string label) => new StringBuilder(label)
        .Replace("#", "#35;").Replace("&", "#amp;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;")
        .ToString();
}
