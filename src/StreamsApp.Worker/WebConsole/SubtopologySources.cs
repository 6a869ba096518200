using StreamsApp.Streams;

namespace StreamsApp.Worker.WebConsole;

/// <summary>The topics each sub-topology of a description reads (its source nodes' topics).</summary>
internal static class SubtopologySources
{
    /// <summary>Each sub-topology's source topics, by its id, as the description names them.</summary>
    public static Dictionary<int, IReadOnlyList<string>> Of(TopologyDescription description) =>
        description.Subtopologies.ToDictionary(
            subtopology => subtopology.Id,
            subtopology => (IReadOnlyList<string>)[.. subtopology.Nodes.Where(node => node.Kind == TopologyDescription.NodeKind.Source).SelectMany(node => node.Topics)]);
}
