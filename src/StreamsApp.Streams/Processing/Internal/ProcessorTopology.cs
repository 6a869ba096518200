using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>One task's instance of a sub-topology: its nodes (parents before children), sources by topic, stores.</summary>
internal sealed record ProcessorTopology(
    Subtopology Subtopology,
    IReadOnlyList<ProcessorNode> Nodes,
    IReadOnlyDictionary<string, SourceNode> SourcesByTopic,
    IReadOnlyList<IStoreBuilder<IStateStore>> StoreBuilders)
{
    /// <summary>Opens the stores, then initializes the nodes (see <see cref="InitializeStores"/> and <see cref="InitializeNodes"/>).</summary>
    public void Initialize(TaskContext context, ICollection<IStateStore> opened)
    {
        InitializeStores(context, opened);
        InitializeNodes(context);
    }

    /// <summary>
    /// Opens the stores; each registers itself for restoration. Each store is added to <paramref name="opened"/> as
    /// soon as it is open, so a store whose Init throws leaves nothing unclosed.
    /// </summary>
    public void InitializeStores(TaskContext context, ICollection<IStateStore> opened)
    {
        foreach (var builder in StoreBuilders)
        {
            var store = builder.Build();
            store.Init(context, store);
            context.AddStore(store);
            opened.Add(store);
        }
    }

    /// <summary>Initializes the nodes, parents first (their Init may read the stores, so after restoration).</summary>
    public void InitializeNodes(TaskContext context)
    {
        foreach (var node in Nodes)
        {
            node.Init(context);
        }
    }
}
