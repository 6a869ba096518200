using System.Text.RegularExpressions;
using StreamsApp.Streams;
using StreamsApp.Worker.Operations.Topology;

namespace StreamsApp.Worker.Tests.Operations.Topology;

/// <summary>The /topology picture read back from its SVG: a flow that can be followed, on every sample shape.</summary>
public sealed partial class TopologyPictureTests
{
    // How far a line's end may sit from its box's border, and how deep a line may graze a box it passes.
    private const double Tolerance = 1;

    public static TheoryData<string> Topologies => SampleTopologies.Names;

    [Theory]
    [MemberData(nameof(Topologies))]
    public void NoTwoBoxesOrFramesOverlap(string topology)
    {
        var picture = Draw(topology, out _);

        var boxes = picture.Nodes.Concat(picture.Topics).ToList();
        AssertNoOverlap(boxes);
        AssertNoOverlap([.. picture.Frames.Select(f => KeyValuePair.Create($"Sub-topology {f.Key}", f.Value)), .. picture.Topics]);
        Assert.All(boxes, b => Assert.True(b.Value.X >= 0 && b.Value.Y >= 0 && b.Value.Right <= picture.Width && b.Value.Bottom <= picture.Height, $"{b.Key} lies outside the picture"));
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public void EachSubtopologyIsOneFrameAroundItsNodes(string topology)
    {
        var picture = Draw(topology, out var description);

        var groups = ExpectedFlow.Groups(description);
        Assert.Equal(groups.Keys.Order(), picture.Frames.Keys.Order());
        Assert.All(groups, g => Assert.All(g.Value, node =>
            Assert.True(picture.Frames[g.Key].Encloses(picture.Nodes[node.Name]), $"{node.Name} lies outside the frame of sub-topology {g.Key}")));
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public void EveryEdgeIsOneLineFromItsTailsBoxToItsHeads(string topology)
    {
        var picture = Draw(topology, out var description);

        var expected = ExpectedFlow.Edges(description);
        Assert.Equal(expected.Order(), picture.Lines.Select(l => (l.From, l.To)).Order());
        Assert.All(picture.Lines, line =>
        {
            Assert.True(picture.BoxOf(line.From).Touches(line.Points[0], Tolerance), $"{line.From} → {line.To} starts at {line.Points[0]}, off its tail's box");
            Assert.True(picture.BoxOf(line.To).Touches(line.Points[^1], Tolerance), $"{line.From} → {line.To} ends at {line.Points[^1]}, off its head's box");
        });
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public void NoLineCrossesABoxOrFrameOtherThanItsEnds(string topology)
    {
        var picture = Draw(topology, out var description);

        var frameOf = ExpectedFlow.FrameOf(description);
        var crossings = new List<string>();
        foreach (var line in picture.Lines)
        {
            var ends = new[] { line.From, line.To };
            var obstacles = picture.Nodes.Concat(picture.Topics).Where(b => !ends.Contains(b.Key))
                .Concat(picture.Frames.Where(f => !ends.Any(e => frameOf.TryGetValue(e, out var own) && own == f.Key)).Select(f => KeyValuePair.Create($"Sub-topology {f.Key}", f.Value)));
            crossings.AddRange(obstacles
                .Where(box => line.Points.Zip(line.Points.Skip(1)).Any(s => box.Value.IsCrossedBy(s.First, s.Second, Tolerance)))
                .Select(box => $"{line.From} → {line.To} crosses {box.Key}"));
        }

        Assert.Empty(crossings);
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public void EachTopicIsOneBoxLinkingTheSubtopologiesThatShareIt(string topology)
    {
        var picture = Draw(topology, out var description);

        var users = ExpectedFlow.Groups(description)
            .SelectMany(g => g.Value.SelectMany(n => n.Topics.Select(t => (Topic: t, Subtopology: g.Key))))
            .GroupBy(p => p.Topic, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Subtopology).Distinct().Order().ToList(), StringComparer.Ordinal);
        var frameOf = ExpectedFlow.FrameOf(description);
        Assert.Equal(users.Keys.Order(StringComparer.Ordinal), picture.TopicElements.Select(t => (string)t.Attribute("data-topic")!).Order(StringComparer.Ordinal));
        Assert.All(users, topic =>
        {
            var linked = picture.Lines.Where(l => l.From == topic.Key || l.To == topic.Key)
                .Select(l => frameOf[l.From == topic.Key ? l.To : l.From]).Distinct().Order();
            Assert.Equal(topic.Value, linked);
        });
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public void LabelsAreTheUsersNameOrTheOperatorWholeAndTheFullNameIsOnHover(string topology)
    {
        var picture = Draw(topology, out var description);

        Assert.All(ExpectedFlow.Groups(description).SelectMany(g => g.Value), node =>
        {
            var label = picture.Labels[node.Name];
            Assert.DoesNotContain("…", label, StringComparison.Ordinal);
            if (GeneratedName().IsMatch(node.Name))
            {
                Assert.Matches("^[a-z]+(?:[A-Z][a-z]+)*$", label);
            }
            else
            {
                Assert.Equal(node.Name, label);
            }

            var element = picture.NodeElements.Single(e => (string)e.Attribute("data-node")! == node.Name);
            Assert.Contains(node.Name, element.Elements().Single(e => e.Name.LocalName == "title").Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void GeneratedNamesAreShownAsTheirOperator()
    {
        var description = SampleTopologies.StreamTableJoin();

        var picture = SvgPicture.Parse(TopologySvgWriter.Write(description));

        var labels = description.Subtopologies.Single().Nodes.ToDictionary(n => n.Name, n => picture.Labels[n.Name]);
        Assert.Equal(["filter", "join", "mapValues", "sink", "source", "source", "table"], labels.Values.Order(StringComparer.Ordinal));
        Assert.Equal("filter", labels.Single(l => l.Key.Contains("FILTER", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void TheMissionPictureIsAFractionOfTheOldColumns()
    {
        // One column per sub-topology drew the mission at 4080 × 2234.
        var picture = Draw("mission", out _);

        Assert.True(picture.Width * picture.Height < 4080 * 2234 * 0.65, $"{picture.Width} × {picture.Height}");
        Assert.True(picture.Width < 2000, $"{picture.Width} wide");
    }

    private static SvgPicture Draw(string topology, out TopologyDescription description)
    {
        description = SampleTopologies.All[topology]();
        return SvgPicture.Parse(TopologySvgWriter.Write(description));
    }

    private static void AssertNoOverlap(IReadOnlyList<KeyValuePair<string, Rect>> boxes)
    {
        var overlaps = boxes.SelectMany((a, i) => boxes.Skip(i + 1).Where(b => a.Value.Overlaps(b.Value)).Select(b => $"{a.Key} overlaps {b.Key}"));
        Assert.Empty(overlaps);
    }

    [GeneratedRegex("^(KSTREAM|KTABLE)-[A-Z-]+-[0-9]{10}$")]
    private static partial Regex GeneratedName();
}
