using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>One task's instance of a sub-topology: its nodes (parents before children), sources by topic, stores.</summary>
internal sealed record ProcessorTopology(
    Subtopology Subtopology,
    IReadOnlyList<ProcessorNode> Nodes,
    IReadOnlyDictionary<string, SourceNode> SourcesByTopic,
    IReadOnlyList<IStoreBuilder<IStateStore>> StoreBuilders);
