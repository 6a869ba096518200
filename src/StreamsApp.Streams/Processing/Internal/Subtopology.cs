namespace StreamsApp.Streams.Processing.Internal;

/// <summary>A connected part of the topology: nodes linked by edges or shared stores, cut at topics.</summary>
/// <param name="Id">The sub-topology number, as in <c>Topology.Describe()</c> and task ids.</param>
/// <param name="NodeNames">Its nodes.</param>
/// <param name="SourceTopics">The topics its sources read, as named in the topology (internal ones unprefixed).</param>
/// <param name="StoreNames">Its state stores.</param>
internal sealed record Subtopology(
    int Id, IReadOnlySet<string> NodeNames, IReadOnlyList<string> SourceTopics, IReadOnlyList<string> StoreNames);
