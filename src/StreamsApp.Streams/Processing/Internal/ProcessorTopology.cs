using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>One task's instance of a sub-topology: its nodes (parents before children), sources by topic, stores.</summary>
internal sealed record ProcessorTopology(
    Subtopology Subtopology,
    IReadOnlyList<ProcessorNode> Nodes,
    IReadOnlyDictionary<string, SourceNode> SourcesByTopic,
    IReadOnlyList<IStoreBuilder<IStateStore>> StoreBuilders)
{
    /// <summary>
    /// Opens the stores (each registers itself for restoration), then initializes the nodes, parents first. Each store
    /// is added to <paramref name="opened"/> as soon as it is open, so a node whose Init throws leaves nothing unclosed.
    /// </summary>
    public void Initialize(TaskContext context, ICollection<IStateStore> opened)
    {
        foreach (var builder in StoreBuilders)
        {
            var store = builder.Build();
            store.Init(context, store);
            context.AddStore(store);
            opened.Add(store);
        }

        foreach (var node in Nodes)
        {
            node.Init(context);
        }
    }
}
