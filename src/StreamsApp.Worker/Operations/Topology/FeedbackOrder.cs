namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// A line-up of a graph's vertices with few edges pointing back (Eades, Lin and Smyth's greedy heuristic): vertices
/// without parents go to the front, vertices without children to the back, and when neither is left the vertex with
/// the most children over parents goes next. The edges pointing back close the graph's cycles; drawing them reversed
/// leaves a graph that layers.
/// </summary>
internal static class FeedbackOrder
{
    /// <summary>Each vertex's place in the line-up; ties go to the lower vertex.</summary>
    /// <param name="count">How many vertices.</param>
    /// <param name="edges">The edges, tail to head (self-loops are ignored).</param>
    public static int[] Of(int count, IReadOnlyCollection<(int Tail, int Head)> edges)
    {
        var parents = Enumerable.Range(0, count).Select(_ => new HashSet<int>()).ToArray();
        var children = Enumerable.Range(0, count).Select(_ => new HashSet<int>()).ToArray();
        foreach (var (tail, head) in edges.Where(e => e.Tail != e.Head))
        {
            children[tail].Add(head);
            parents[head].Add(tail);
        }

        var left = new SortedSet<int>(Enumerable.Range(0, count));
        var front = new List<int>();
        var back = new List<int>();
        void Remove(int vertex)
        {
            left.Remove(vertex);
            foreach (var child in children[vertex])
            {
                parents[child].Remove(vertex);
            }

            foreach (var parent in parents[vertex])
            {
                children[parent].Remove(vertex);
            }
        }

        while (left.Count > 0)
        {
            if (left.FirstOrDefault(v => children[v].Count == 0, -1) is var sink and >= 0)
            {
                back.Add(sink);
                Remove(sink);
            }
            else if (left.FirstOrDefault(v => parents[v].Count == 0, -1) is var source and >= 0)
            {
                front.Add(source);
                Remove(source);
            }
            else
            {
                var next = left.MaxBy(v => children[v].Count - parents[v].Count);
                front.Add(next);
                Remove(next);
            }
        }

        back.Reverse();
        var places = new int[count];
        foreach (var (vertex, place) in front.Concat(back).Select((v, i) => (v, i)))
        {
            places[vertex] = place;
        }

        return places;
    }
}
