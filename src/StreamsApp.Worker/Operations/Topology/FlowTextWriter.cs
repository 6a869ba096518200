using System.Text;
using StreamsApp.Streams;
using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// A text format of a topology's flow, for docs (Mermaid, DOT): how it writes a group with its nodes, a topic and an
/// edge. <see cref="Text"/> walks the flow the same way for every format, so that they show the same groups, nodes,
/// topics and edges, with the same identifiers (<see cref="DiagramIds"/>), in the same order.
/// </summary>
internal abstract class FlowTextWriter
{
    /// <summary>The text of <paramref name="description"/>'s flow.</summary>
    public string Text(TopologyDescription description)
    {
        var flow = FlowGraph.Of(description);
        var ids = new DiagramIds(flow);
        var text = new StringBuilder(Header);
        foreach (var group in flow.Groups)
        {
            text.Append(GroupStart(group));
            foreach (var node in group.Nodes)
            {
                text.Append(Node(ids.Node(node.Name), node));
            }

            text.Append(GroupEnd);
        }

        foreach (var topic in flow.Topics)
        {
            text.Append(Topic(ids.Topic(topic), topic));
        }

        foreach (var edge in flow.Edges)
        {
            text.Append(Edge(ids.Tail(edge), ids.Head(edge)));
        }

        return text.Append(Footer).ToString();
    }

    /// <summary>What comes before the groups.</summary>
    protected abstract string Header { get; }

    /// <summary>What closes a group.</summary>
    protected abstract string GroupEnd { get; }

    /// <summary>What comes after the edges.</summary>
    protected abstract string Footer { get; }

    /// <summary>What opens a sub-topology's group.</summary>
    protected abstract string GroupStart(FlowGroup group);

    /// <summary>A processor, source or sink node of a group, written as <paramref name="id"/>.</summary>
    protected abstract string Node(string id, NodeDescription node);

    /// <summary>A topic between groups, written as <paramref name="id"/>.</summary>
    protected abstract string Topic(string id, string topic);

    /// <summary>An edge from <paramref name="tail"/> to <paramref name="head"/>.</summary>
    protected abstract string Edge(string tail, string head);
}
