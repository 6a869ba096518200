namespace StreamsApp.Worker.Operations.Topology;

/// <summary>Layers for the vertices of a directed acyclic graph, every edge going at least one layer down.</summary>
internal static class Ranking
{
    /// <summary>Each vertex one layer below its lowest parent: the longest path from the top.</summary>
    /// <param name="count">How many vertices.</param>
    /// <param name="edges">The edges, tail to head.</param>
    public static int[] LongestPath(int count, IReadOnlyCollection<(int Tail, int Head)> edges) =>
        Rank(count, edges, shortenFanOuts: false);

    /// <summary>
    /// <see cref="LongestPath"/>, then each vertex with more children than parents (a topic read from outside, say)
    /// moved down to just above its highest child, so its edges stay short.
    /// </summary>
    /// <param name="count">How many vertices.</param>
    /// <param name="edges">The edges, tail to head.</param>
    public static int[] Compact(int count, IReadOnlyCollection<(int Tail, int Head)> edges) =>
        Rank(count, edges, shortenFanOuts: true);

    private static int[] Rank(int count, IReadOnlyCollection<(int Tail, int Head)> edges, bool shortenFanOuts)
    {
        var order = TopologicalOrder(count, edges);
        var parents = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        var children = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        foreach (var (tail, head) in edges)
        {
            parents[head].Add(tail);
            children[tail].Add(head);
        }

        var ranks = new int[count];
        foreach (var vertex in order)
        {
            ranks[vertex] = parents[vertex].Count == 0 ? 0 : parents[vertex].Max(p => ranks[p]) + 1;
        }

        // Children first, so each child's layer is final when its parent moves.
        foreach (var vertex in order.AsEnumerable().Reverse().Where(v => shortenFanOuts && children[v].Count > parents[v].Count))
        {
            ranks[vertex] = children[vertex].Min(c => ranks[c]) - 1;
        }

        var top = count == 0 ? 0 : ranks.Min();
        return [.. ranks.Select(r => r - top)];
    }

    private static List<int> TopologicalOrder(int count, IReadOnlyCollection<(int Tail, int Head)> edges)
    {
        var indegree = new int[count];
        var children = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        foreach (var (tail, head) in edges)
        {
            indegree[head]++;
            children[tail].Add(head);
        }

        var ready = new Queue<int>(Enumerable.Range(0, count).Where(v => indegree[v] == 0));
        var order = new List<int>(count);
        while (ready.TryDequeue(out var vertex))
        {
            order.Add(vertex);
            foreach (var child in children[vertex].Where(c => --indegree[c] == 0))
            {
                ready.Enqueue(child);
            }
        }

        return order.Count == count
            ? order
            : throw new InvalidOperationException("The graph has a cycle; layers need one without.");
    }
}
