namespace StreamsApp.Worker.Operations.Topology;

/// <summary>
/// The whole flow drawn top to bottom, in two levels. Each sub-topology is drawn in its frame
/// (<see cref="GroupLayout"/>); then the frames and the topics are drawn as one layered graph, a sink's topic below
/// the frame writing it and above the frames reading it. Edges closing a cycle (a participant's replies going back to
/// the saga) are laid out reversed and drawn back up, through a lane beside the frame they return to. It is drawn
/// twice: the second time each frame's sources and sinks are ordered as their topic edges met the frame the first time.
/// </summary>
internal static class TopologyLayout
{
    private const double Margin = 48;
    private const double ArchDepth = 12;
    private const double ArchStep = 7;
    private static readonly LayerSpacing Spacing = new(NodeGap: 28, LayerGap: 52);

    // The first drawing's topic edges order the second's sources and sinks: on the mission topology that takes the
    // line crossings from 21 to 14, and a third drawing changes nothing.
    /// <summary>Places every frame, box and line of <paramref name="flow"/>.</summary>
    public static TopologyDrawing Draw(FlowGraph flow) => Draw(flow, Hints(Draw(flow, new Dictionary<string, double>())));

    private static TopologyDrawing Draw(FlowGraph flow, IReadOnlyDictionary<string, double> hints)
    {
        var groups = flow.Groups.Select(g => new GroupLayout(g, hints)).ToList();
        var topicCards = flow.Topics.Select(NodeCard.OfTopic).ToList();
        var topics = flow.Topics.Select((topic, i) => (topic, i)).ToDictionary(p => p.topic, p => groups.Count + p.i, StringComparer.Ordinal);
        int GroupOf(string node) => groups.FindIndex(g => g.Contains(node));
        var links = flow.Edges.Where(e => e.Kind != FlowEdgeKind.Within)
            .Select(e => e.Kind == FlowEdgeKind.ToTopic ? new Link(e, GroupOf(e.From), topics[e.To]) : new Link(e, topics[e.From], GroupOf(e.To)))
            .ToList();

        // Which way each link points in the layers: along the line-up, so the frames and topics layer without cycles.
        var count = groups.Count + topicCards.Count;
        var order = FeedbackOrder.Of(count, [.. links.Select(l => (l.Tail, l.Head)).Distinct()]);
        var ranks = Ranking.Compact(count, [.. links.Select(l => order[l.Tail] < order[l.Head] ? (l.Tail, l.Head) : (l.Head, l.Tail)).Distinct()]);

        var graph = new LayeredGraph();
        foreach (var (group, i) in groups.Select((g, i) => (g, i)))
        {
            graph.AddNode(group.Width, group.Height, ranks[i]);
        }

        foreach (var (card, i) in topicCards.Select((c, i) => (c, i)))
        {
            graph.AddNode(card.Width, card.Height, ranks[groups.Count + i]);
        }

        var laidOut = links.Select(link => Add(graph, link, order, ranks, groups, topicCards)).ToList();
        var drawing = LayeredLayout.Draw(graph, Spacing);
        var frames = drawing.Nodes.Select(b => b.Offset(Margin, Margin)).ToList();
        var bands = drawing.Layers.Select(l => new LayerBand(l.Top + Margin, l.Bottom + Margin)).ToList();

        var drawnGroups = groups.Select((g, i) => new DrawnGroup(
            g.Group, frames[i], [.. g.Group.Nodes.Select((n, j) => new DrawnNode(n, g.Boxes[j].Offset(frames[i].X, frames[i].Y), g.Cards[j]))])).ToList();
        var drawnTopics = flow.Topics.Select((t, i) => new DrawnTopic(t, frames[groups.Count + i], topicCards[i])).ToList();
        var arches = new Dictionary<(int Rank, bool Above), int>();
        var routes = new Router(drawnGroups, frames, bands, drawing, arches);
        var edges = new List<DrawnEdge>(flow.Edges.Count);
        var next = 0;
        foreach (var edge in flow.Edges)
        {
            if (edge.Kind == FlowEdgeKind.Within)
            {
                var group = GroupOf(edge.From);
                edges.Add(new DrawnEdge(edge, groups[group].EdgeOf(edge.From, edge.To).Offset(frames[group].X, frames[group].Y), IsFeedback: false));
            }
            else
            {
                var link = laidOut[next++];
                edges.Add(new DrawnEdge(edge, routes.Route(link, ranks), link.Lane is not null));
            }
        }

        return new TopologyDrawing(drawing.Width + 2 * Margin, drawing.Height + 2 * Margin, drawnGroups, drawnTopics, edges);
    }

    // Where each source's and sink's topic edges meet its frame (the mean, from the frame's left): past the first bend
    // below a sink, before the last one above a source; that is also where a lane's arch turns.
    private static Dictionary<string, double> Hints(TopologyDrawing drawing)
    {
        var frames = drawing.Groups.SelectMany(g => g.Nodes.Select(n => (n.Node.Name, g.Frame.X))).ToDictionary(p => p.Name, p => p.X, StringComparer.Ordinal);
        return drawing.Edges.Where(e => e.Edge.Kind != FlowEdgeKind.Within)
            .Select(e =>
            {
                var path = e.Path;
                var toTopic = e.Edge.Kind == FlowEdgeKind.ToTopic;
                var node = toTopic ? e.Edge.From : e.Edge.To;
                var curves = path.Pieces.Where(p => p.IsCurve).ToList();
                var x = curves.Count == 0 ? path.Start.X : toTopic ? curves[0].To.X : curves[^1].Control1.X;
                return (Node: node, X: x - frames[node]);
            })
            .GroupBy(p => p.Node, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(p => p.X), StringComparer.Ordinal);
    }

    // Lays one link out: along the line-up as it is, against it reversed from a lane beside the frame, at the frame's layer.
    private static LaidOutLink Add(LayeredGraph graph, Link link, int[] order, int[] ranks, List<GroupLayout> groups, List<NodeCard> topicCards)
    {
        var toTopic = link.Edge.Kind == FlowEdgeKind.ToTopic;
        var group = toTopic ? link.Tail : link.Head;
        var topic = toTopic ? link.Head : link.Tail;
        var port = groups[group].BoxOf(toTopic ? link.Edge.From : link.Edge.To).CenterX;
        var topicPort = topicCards[topic - groups.Count].Width / 2;
        if (order[link.Tail] < order[link.Head])
        {
            var index = toTopic ? graph.AddEdge(group, topic, port, topicPort) : graph.AddEdge(topic, group, topicPort, port);
            return new LaidOutLink(link, group, topic, port, index, Lane: null);
        }

        var lane = graph.AddNode(0, 0, ranks[group]);
        var reversed = toTopic ? graph.AddEdge(topic, lane, topicPort, 0) : graph.AddEdge(lane, topic, 0, topicPort);
        return new LaidOutLink(link, group, topic, port, reversed, lane);
    }

    private sealed record Link(FlowEdge Edge, int Tail, int Head);

    private sealed record LaidOutLink(Link Link, int Group, int Topic, double Port, int LayeredEdge, int? Lane);

    // Draws each link's whole line: from the sink's box, or to the source's box, through the frame's side.
    private sealed class Router(List<DrawnGroup> groups, List<Box> frames, List<LayerBand> bands, LayeredDrawing drawing, Dictionary<(int Rank, bool Above), int> arches)
    {
        public EdgePath Route(LaidOutLink link, int[] ranks)
        {
            var frame = frames[link.Group];
            var outer = drawing.Edges[link.LayeredEdge].Offset(Margin, Margin);
            var edge = link.Link.Edge;
            var box = groups[link.Group].Nodes.Single(n => n.Node.Name == (edge.Kind == FlowEdgeKind.ToTopic ? edge.From : edge.To)).Box;
            var port = frame.X + link.Port;
            if (edge.Kind == FlowEdgeKind.ToTopic)
            {
                var path = new PathBuilder(new Point(port, box.Bottom));
                path.LineTo(new Point(port, frame.Bottom));
                if (link.Lane is { } lane)
                {
                    var band = bands[ranks[link.Group]];
                    var laneX = frames[lane].X;
                    path.LineTo(new Point(port, band.Bottom));
                    path.ArchTo(new Point(laneX, band.Bottom), Depth(ranks[link.Group], above: false));
                    path.LineTo(new Point(laneX, frames[lane].Y));
                    path.Append(outer.Reversed());
                }
                else
                {
                    path.Append(outer);
                }

                return path.Build();
            }

            var into = new PathBuilder(link.Lane is null ? outer.Start : outer.End);
            if (link.Lane is { } back)
            {
                var band = bands[ranks[link.Group]];
                into.Append(outer.Reversed());
                into.LineTo(new Point(frames[back].X, band.Top));
                into.ArchTo(new Point(port, band.Top), -Depth(ranks[link.Group], above: true));
            }
            else
            {
                into.Append(outer);
            }

            into.LineTo(new Point(port, frame.Y));
            into.LineTo(new Point(port, box.Y));
            return into.Build();
        }

        private double Depth(int rank, bool above)
        {
            var count = arches.GetValueOrDefault((rank, above));
            arches[(rank, above)] = count + 1;
            return Math.Min(ArchDepth + count * ArchStep, Spacing.LayerGap - 8);
        }
    }
}
