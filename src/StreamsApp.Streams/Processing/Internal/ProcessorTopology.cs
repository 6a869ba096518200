using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>One task's instance of a sub-topology: its nodes (parents before children), sources by topic, stores.</summary>
internal sealed record ProcessorTopology(
    Subtopology Subtopology,
    IReadOnlyList<ProcessorNode> Nodes,
    IReadOnlyDictionary<string, SourceNode> SourcesByTopic,
    IReadOnlyList<IStoreBuilder<IStateStore>> StoreBuilders)
{
    /// <summary>Opens the stores (each registers itself for restoration), then initializes the nodes, parents first.</summary>
    /// <returns>The opened stores, outermost layers, in flush order.</returns>
    public IReadOnlyList<IStateStore> Initialize(TaskContext context)
    {
        var stores = new List<IStateStore>(StoreBuilders.Count);
        foreach (var builder in StoreBuilders)
        {
            var store = builder.Build();
            store.Init(context, store);
            context.AddStore(store);
            stores.Add(store);
        }

        foreach (var node in Nodes)
        {
            node.Init(context);
        }

        return stores;
    }
}
