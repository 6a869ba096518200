using static StreamsApp.Streams.TopologyDescription;

namespace StreamsApp.Worker.Operations.Topology;

/// <summary>A topology's flow with everything placed: what the SVG writer draws and the layout tests check.</summary>
/// <param name="Width">The picture's width.</param>
/// <param name="Height">The picture's height.</param>
/// <param name="Groups">Each sub-topology's frame and boxes.</param>
/// <param name="Topics">Each topic's box.</param>
/// <param name="Edges">Each edge of the flow, with its line.</param>
internal sealed record TopologyDrawing(
    double Width, double Height, IReadOnlyList<DrawnGroup> Groups, IReadOnlyList<DrawnTopic> Topics, IReadOnlyList<DrawnEdge> Edges);

/// <summary>A sub-topology's frame and its nodes' boxes.</summary>
internal sealed record DrawnGroup(FlowGroup Group, Box Frame, IReadOnlyList<DrawnNode> Nodes);

/// <summary>A source's, processor's or sink's box and what it says.</summary>
internal sealed record DrawnNode(NodeDescription Node, Box Box, NodeCard Card);

/// <summary>A topic's box and what it says.</summary>
internal sealed record DrawnTopic(string Name, Box Box, NodeCard Card);

/// <summary>An edge's line; a feedback edge goes back up the picture (closing a cycle, such as replies to a saga).</summary>
internal sealed record DrawnEdge(FlowEdge Edge, EdgePath Path, bool IsFeedback);
