using System.Text;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// Identifiers for a flow's nodes and topics that Mermaid and DOT both take unquoted: a prefix (<c>n_</c> for
/// nodes, <c>t_</c> for topics, so a node and a topic of one name differ and no identifier is a keyword such as
/// <c>end</c>), then the name with every character other than a letter, digit or <c>_</c> as <c>_</c>, and a
/// number after it where two names come out the same.
/// </summary>
internal sealed class DiagramIds
{
    private readonly Dictionary<string, string> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public DiagramIds(FlowGraph flow)
    {
        foreach (var node in flow.Groups.SelectMany(g => g.Nodes))
        {
            _nodes[node.Name] = Unique("n_", node.Name);
        }

        foreach (var topic in flow.Topics)
        {
            _topics[topic] = Unique("t_", topic);
        }
    }

    /// <summary>The identifier of the source, processor or sink named <paramref name="name"/>.</summary>
    public string Node(string name) => _nodes[name];

    /// <summary>The identifier of the topic named <paramref name="name"/>.</summary>
    public string Topic(string name) => _topics[name];

    /// <summary>The identifier of the node or topic <paramref name="edge"/> leaves.</summary>
    public string Tail(FlowEdge edge) => edge.Kind == FlowEdgeKind.FromTopic ? Topic(edge.From) : Node(edge.From);

    /// <summary>The identifier of the node or topic <paramref name="edge"/> enters.</summary>
    public string Head(FlowEdge edge) => edge.Kind == FlowEdgeKind.ToTopic ? Topic(edge.To) : Node(edge.To);

    private string Unique(string prefix, string name)
    {
        var id = new StringBuilder(prefix);
        foreach (var c in name)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var candidate = id.ToString();
        for (var n = 2; !_used.Add(candidate); n++)
        {
            candidate = $"{id}_{n}";
        }

        return candidate;
    }
}
