using System.Text.RegularExpressions;
using StreamsApp.Worker.Operations.Topology;

namespace StreamsApp.Worker.Tests.Operations.Topology;

/// <summary>
/// The Mermaid and DOT texts of /topology: DOT read back against the description (its tooltips carry the full
/// names), Mermaid against DOT (same identifiers, same edges, same labels).
/// </summary>
public sealed partial class TopologyTextFormatTests
{
    public static TheoryData<string> Topologies => SampleTopologies.Names;

    [Theory]
    [MemberData(nameof(Topologies))]
    public void DotHasEveryNodeTopicAndEdge(string topology)
    {
        var description = SampleTopologies.All[topology]();

        var dot = Dot.Parse(TopologyDotWriter.Write(description));

        var names = dot.Nodes.ToDictionary(n => n.Key, n => n.Value.Tooltip, StringComparer.Ordinal);
        Assert.Equal(
            ExpectedFlow.FrameOf(description).Keys.Concat(ExpectedFlow.Topics(description)).Order(StringComparer.Ordinal),
            names.Values.Order(StringComparer.Ordinal));
        Assert.Equal(ExpectedFlow.Edges(description).Order(), dot.Edges.Select(e => (names[e.Tail], names[e.Head])).Order());
        Assert.All(ExpectedFlow.FrameOf(description), node => Assert.Equal(node.Value, dot.Cluster[dot.Nodes.Single(n => n.Value.Tooltip == node.Key).Key]));
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public void MermaidHasTheSameNodesLabelsSubgraphsAndEdgesAsDot(string topology)
    {
        var description = SampleTopologies.All[topology]();

        var dot = Dot.Parse(TopologyDotWriter.Write(description));
        var mermaid = Mermaid.Parse(TopologyMermaidWriter.Write(description));

        Assert.Equal(dot.Nodes.Select(n => (n.Key, n.Value.Label)).Order(), mermaid.Labels.Select(n => (n.Key, n.Value)).Order());
        Assert.Equal(dot.Edges.Order(), mermaid.Edges.Order());
        Assert.Equal(dot.Cluster.Select(c => (c.Key, c.Value)).Order(), mermaid.Subgraph.Select(s => (s.Key, s.Value)).Order());
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public void LabelsAreShortenedAsInThePicture(string topology)
    {
        var description = SampleTopologies.All[topology]();

        var dot = Dot.Parse(TopologyDotWriter.Write(description));
        var picture = SvgPicture.Parse(TopologySvgWriter.Write(description));

        Assert.All(dot.Nodes.Values.Where(n => picture.Nodes.ContainsKey(n.Tooltip)), node =>
        {
            Assert.StartsWith(picture.Labels[node.Tooltip], node.Label, StringComparison.Ordinal);
            Assert.DoesNotContain("…", node.Label, StringComparison.Ordinal);
            Assert.True(node.Label == node.Tooltip || !node.Label.Contains(node.Tooltip, StringComparison.Ordinal), node.Label);
        });
    }

    [Fact]
    public void NamesThatAreNotIdentifiersAreEscaped()
    {
        var description = SampleTopologies.Chain();

        var dotText = TopologyDotWriter.Write(description);
        var mermaidText = TopologyMermaidWriter.Write(description);

        Assert.Contains("n_tag__web___v2_ [label=\"tag \\\"web\\\" <v2>\"", dotText, StringComparison.Ordinal);
        Assert.Contains("n_tag__web___v2_[\"tag #quot;web#quot; #lt;v2#gt;\"]", mermaidText, StringComparison.Ordinal);
        Assert.Contains("n_audit_log[\"audit.log\"]", mermaidText, StringComparison.Ordinal);
        Assert.All(Dot.Parse(dotText).Nodes.Keys, id => Assert.Matches("^[nt]_[A-Za-z0-9_]+$", id));
    }

    [Fact]
    public void NamesThatComeOutAlikeGetDistinctIdentifiers()
    {
        var flow = new FlowGraph([new FlowGroup(0, IsGlobal: false, [])], ["a.b", "a-b", "a_b"], []);

        var ids = new DiagramIds(flow);

        Assert.Equal(["t_a_b", "t_a_b_2", "t_a_b_3"], new[] { ids.Topic("a.b"), ids.Topic("a-b"), ids.Topic("a_b") });
    }

    private static string Unquote(string quoted) => quoted[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("^ *(?<id>[A-Za-z_][A-Za-z0-9_]*) \\[label=(?<label>\"(?:[^\"\\\\]|\\\\.)*\"), tooltip=(?<tooltip>\"(?:[^\"\\\\]|\\\\.)*\")", RegexOptions.Multiline)]
    private static partial Regex DotNode();

    [GeneratedRegex("^ *(?<tail>[A-Za-z0-9_]+) -> (?<head>[A-Za-z0-9_]+);$", RegexOptions.Multiline)]
    private static partial Regex DotEdge();

    [GeneratedRegex("^ *subgraph cluster_(?<id>[0-9]+) \\{$(?<body>[^}]*)^ *\\}$", RegexOptions.Multiline)]
    private static partial Regex DotCluster();

    [GeneratedRegex("^ *(?<id>[A-Za-z0-9_]+)\\[\\(?\"(?<label>[^\"]*)\"\\)?\\]:::[a-z]+$", RegexOptions.Multiline)]
    private static partial Regex MermaidNode();

    [GeneratedRegex("^ *(?<tail>[A-Za-z0-9_]+) --> (?<head>[A-Za-z0-9_]+)$", RegexOptions.Multiline)]
    private static partial Regex MermaidEdge();

    [GeneratedRegex("^ *subgraph s_(?<id>[0-9]+) \\[\"[^\"]*\"\\]$(?<body>.*?)^ *end$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MermaidSubgraph();

    private sealed record DotNodeText(string Label, string Tooltip);

    // What a DOT text declares: nodes by id, edges, and which cluster (sub-topology) each node is in.
    private sealed record Dot(Dictionary<string, DotNodeText> Nodes, List<(string Tail, string Head)> Edges, Dictionary<string, int> Cluster)
    {
        public static Dot Parse(string text) => new(
            DotNode().Matches(text).ToDictionary(m => m.Groups["id"].Value, m => new DotNodeText(Unquote(m.Groups["label"].Value), Unquote(m.Groups["tooltip"].Value)), StringComparer.Ordinal),
            [.. DotEdge().Matches(text).Select(m => (m.Groups["tail"].Value, m.Groups["head"].Value))],
            DotCluster().Matches(text).SelectMany(c => DotNode().Matches(c.Groups["body"].Value).Select(n => (Id: n.Groups["id"].Value, Cluster: int.Parse(c.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture))))
                .ToDictionary(p => p.Id, p => p.Cluster, StringComparer.Ordinal));
    }

    // What a Mermaid text declares: labels (entity codes decoded) by id, edges, and each node's subgraph.
    private sealed record Mermaid(Dictionary<string, string> Labels, List<(string Tail, string Head)> Edges, Dictionary<string, int> Subgraph)
    {
        public static Mermaid Parse(string text) => new(
            MermaidNode().Matches(text).ToDictionary(m => m.Groups["id"].Value, m => Decode(m.Groups["label"].Value), StringComparer.Ordinal),
            [.. MermaidEdge().Matches(text).Select(m => (m.Groups["tail"].Value, m.Groups["head"].Value))],
            MermaidSubgraph().Matches(text).SelectMany(s => MermaidNode().Matches(s.Groups["body"].Value).Select(n => (Id: n.Groups["id"].Value, Subgraph: int.Parse(s.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture))))
                .ToDictionary(p => p.Id, p => p.Subgraph, StringComparer.Ordinal));

        private static string Decode(string label) =>
            label.Replace("#quot;", "\"", StringComparison.Ordinal).Replace("#lt;", "<", StringComparison.Ordinal).Replace("#gt;", ">", StringComparison.Ordinal)
                .Replace("#amp;", "&", StringComparison.Ordinal).Replace("#35;", "#", StringComparison.Ordinal);
    }
}
