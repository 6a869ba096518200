using System.Xml.Linq;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Worker.Operations.Topology;

namespace StreamsApp.Worker.Tests.Operations;

public sealed class TopologySvgRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TopologyDescription Counting()
    {
        var builder = new StreamsBuilder();
        builder.Stream("words", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupBy((_, word) => word, Grouped.With(Serdes.String(), Serdes.String()))
            .Count(materialized: Materialized.As<string, long>("word-counts"))
            .ToStream()
            .To("counts", Produced.With(Serdes.String(), Serdes.Int64()));
        return builder.Build().Describe();
    }

    [Fact]
    public void EveryNodeIsABoxInItsSubtopologysColumnWithItsTopicsAndStores()
    {
        var description = Counting();

        var svg = XDocument.Parse(TopologySvgRenderer.Render(description));

        var nodes = description.Subtopologies.SelectMany(s => s.Nodes).ToList();
        var groups = svg.Descendants(Svg + "g").ToList();
        Assert.Equal(nodes.Count, groups.Count);
        Assert.All(nodes, n => Assert.Contains(groups, g => g.Element(Svg + "title")!.Value.StartsWith($"{n.Kind}: {n.Name}", StringComparison.Ordinal)));
        Assert.Contains(groups, g => g.Value.Contains("topics: words", StringComparison.Ordinal));
        Assert.Contains(groups, g => g.Value.Contains("stores: word-counts", StringComparison.Ordinal));
        var columns = svg.Descendants(Svg + "rect").Select(r => (int)r.Attribute("x")!).Distinct().Count();
        Assert.Equal(description.Subtopologies.Count, columns);
    }

    [Fact]
    public void EveryEdgeIsDrawn()
    {
        var description = Counting();

        var svg = XDocument.Parse(TopologySvgRenderer.Render(description));

        var edges = description.Subtopologies.SelectMany(s => s.Nodes).Sum(n => n.Successors.Count);
        Assert.Equal(edges, svg.Descendants().Count(e => (string?)e.Attribute("class") == "edge"));
    }
}
