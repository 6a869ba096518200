namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Cuts a blueprint into sub-topologies: nodes joined by an edge or by a shared store belong together. Numbering
/// follows Kafka Streams: groups are numbered in the sorted order of their source node names, then any rest.
/// </summary>
internal static class SubtopologyGrouper
{
    public static IReadOnlyList<Subtopology> Group(InternalTopologyBuilder builder)
    {
        var parent = builder.Nodes.ToDictionary(n => n.Name, n => n.Name, StringComparer.Ordinal);
        string Root(string name)
        {
            while (parent[name] != name)
            {
                parent[name] = parent[parent[name]];
                name = parent[name];
            }

            return name;
        }

        void Union(string a, string b) => parent[Root(a)] = Root(b);

        var storeUsers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in builder.Nodes)
        {
            foreach (var predecessor in node.Predecessors)
            {
                Union(node.Name, predecessor);
            }

            if (node is ProcessorNodeFactory processor)
            {
                foreach (var store in processor.Stores)
                {
                    if (storeUsers.TryGetValue(store, out var other))
                    {
                        Union(node.Name, other);
                    }
                    else
                    {
                        storeUsers[store] = node.Name;
                    }
                }
            }
        }

        var ordered = builder.Nodes.OfType<ISourceNodeFactory>().Select(s => ((NodeFactory)s).Name)
            .Order(StringComparer.Ordinal)
            .Concat(builder.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal));
        var groups = new List<List<NodeFactory>>();
        var groupByRoot = new Dictionary<string, List<NodeFactory>>(StringComparer.Ordinal);
        foreach (var name in ordered)
        {
            var root = Root(name);
            if (!groupByRoot.TryGetValue(root, out var group))
            {
                group = [];
                groupByRoot.Add(root, group);
                groups.Add(group);
            }

            if (!group.Exists(n => n.Name == name))
            {
                group.Add(builder.Node(name));
            }
        }

        return [.. groups.Select((group, id) => ToSubtopology(id, group, storeUsers, Root))];
    }

    private static Subtopology ToSubtopology(
        int id, List<NodeFactory> nodes, Dictionary<string, string> storeUsers, Func<string, string> root)
    {
        var names = nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var topics = nodes.OfType<ISourceNodeFactory>().SelectMany(s => s.Topics).ToList();
        var groupRoot = root(nodes[0].Name);
        var stores = storeUsers.Where(s => root(s.Value) == groupRoot).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        return new Subtopology(id, names, topics, stores);
    }
}
