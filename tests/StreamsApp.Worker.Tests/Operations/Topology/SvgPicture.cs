using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace StreamsApp.Worker.Tests.Operations.Topology;

/// <summary>
/// What a topology SVG shows, read back from the document alone: each node's, topic's and sub-topology frame's
/// rectangle, each node's label, and each edge's line as points (curves sampled finely), so tests check the picture a
/// browser would draw rather than the layout's own figures.
/// </summary>
internal sealed partial class SvgPicture
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private SvgPicture(XDocument document)
    {
        var groups = document.Descendants(Svg + "g").ToList();
        NodeElements = [.. groups.Where(g => g.Attribute("data-node") is not null)];
        TopicElements = [.. groups.Where(g => g.Attribute("data-topic") is not null)];
        Nodes = NodeElements.ToDictionary(g => (string)g.Attribute("data-node")!, g => RectOf(g.Element(Svg + "rect")!), StringComparer.Ordinal);
        Topics = TopicElements.GroupBy(g => (string)g.Attribute("data-topic")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RectOf(g.First().Element(Svg + "rect")!), StringComparer.Ordinal);
        Frames = groups.Where(g => g.Attribute("data-subtopology") is not null)
            .ToDictionary(g => (int)g.Attribute("data-subtopology")!, g => RectOf(g.Element(Svg + "rect")!));
        Labels = NodeElements.ToDictionary(
            g => (string)g.Attribute("data-node")!,
            g => string.Concat(g.Elements(Svg + "text").Where(t => ((string?)t.Attribute("class"))?.StartsWith("label", StringComparison.Ordinal) == true)
                .Select(t => string.Concat(t.Nodes().OfType<XText>().Select(x => x.Value)))),
            StringComparer.Ordinal);
        Lines = [.. document.Descendants(Svg + "path").Where(p => ((string?)p.Attribute("class"))?.Split(' ').Contains("edge") == true && p.Attribute("data-from") is not null)
            .Select(p => new Line((string)p.Attribute("data-from")!, (string)p.Attribute("data-to")!, Flatten((string)p.Attribute("d")!)))];
        var root = document.Root!;
        Width = double.Parse((string)root.Attribute("width")!, CultureInfo.InvariantCulture);
        Height = double.Parse((string)root.Attribute("height")!, CultureInfo.InvariantCulture);
    }

    /// <summary>Every element carrying a node's full name.</summary>
    public IReadOnlyList<XElement> NodeElements { get; }

    /// <summary>Every element carrying a topic's name (one per topic, if the picture is right).</summary>
    public IReadOnlyList<XElement> TopicElements { get; }

    public IReadOnlyDictionary<string, Rect> Nodes { get; }

    public IReadOnlyDictionary<string, Rect> Topics { get; }

    /// <summary>Each sub-topology's frame, by its id.</summary>
    public IReadOnlyDictionary<int, Rect> Frames { get; }

    /// <summary>Each node's label as shown, without a generated name's small number.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyList<Line> Lines { get; }

    public double Width { get; }

    public double Height { get; }

    public static SvgPicture Parse(string svg) => new(XDocument.Parse(svg));

    /// <summary>The rectangle of the node or topic named <paramref name="name"/>.</summary>
    public Rect BoxOf(string name) => Nodes.TryGetValue(name, out var node) ? node : Topics[name];

    private static Rect RectOf(XElement rect) => new(Number(rect, "x"), Number(rect, "y"), Number(rect, "width"), Number(rect, "height"));

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    // Absolute M, L and C commands, the curves sampled at 32 points each.
    private static List<PointD> Flatten(string d)
    {
        var points = new List<PointD>();
        foreach (Match command in PathCommand().Matches(d))
        {
            var numbers = NumberPattern().Matches(command.Groups["args"].Value).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
            switch (command.Groups["op"].Value)
            {
                case "M" or "L":
                    points.Add(new PointD(numbers[0], numbers[1]));
                    break;
                case "C":
                    var start = points[^1];
                    for (var step = 1; step <= 32; step++)
                    {
                        var t = step / 32.0;
                        var (a, b, c, e) = (Math.Pow(1 - t, 3), 3 * Math.Pow(1 - t, 2) * t, 3 * (1 - t) * t * t, t * t * t);
                        points.Add(new PointD(
                            a * start.X + b * numbers[0] + c * numbers[2] + e * numbers[4],
                            a * start.Y + b * numbers[1] + c * numbers[3] + e * numbers[5]));
                    }

                    break;
                default:
                    throw new FormatException($"Unexpected path command in '{d}'.");
            }
        }

        return points;
    }

    [GeneratedRegex("(?<op>[A-Za-z])(?<args>[^A-Za-z]*)")]
    private static partial Regex PathCommand();

    [GeneratedRegex("-?[0-9]+(?:\\.[0-9]+)?")]
    private static partial Regex NumberPattern();

    /// <summary>An edge's line, from its tail's box to its head's.</summary>
    public sealed record Line(string From, string To, IReadOnlyList<PointD> Points);
}

internal readonly record struct PointD(double X, double Y);

internal readonly record struct Rect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public bool Overlaps(Rect other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public bool Encloses(Rect other) => X <= other.X && Y <= other.Y && other.Right <= Right && other.Bottom <= Bottom;

    /// <summary>Whether <paramref name="point"/> lies on the border, give or take <paramref name="tolerance"/>.</summary>
    public bool Touches(PointD point, double tolerance) =>
        point.X >= X - tolerance && point.X <= Right + tolerance && point.Y >= Y - tolerance && point.Y <= Bottom + tolerance
        && (Math.Abs(point.X - X) <= tolerance || Math.Abs(point.X - Right) <= tolerance
            || Math.Abs(point.Y - Y) <= tolerance || Math.Abs(point.Y - Bottom) <= tolerance);

    /// <summary>Whether the segment from <paramref name="a"/> to <paramref name="b"/> enters the inside, more than <paramref name="margin"/> from the border.</summary>
    public bool IsCrossedBy(PointD a, PointD b, double margin)
    {
        // Liang-Barsky: clip the segment's parameter range to the shrunk rectangle's four half-planes.
        var (low, high) = (0.0, 1.0);
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        foreach (var (p, q) in new[] { (-dx, a.X - (X + margin)), (dx, Right - margin - a.X), (-dy, a.Y - (Y + margin)), (dy, Bottom - margin - a.Y) })
        {
            if (p == 0)
            {
                if (q <= 0)
                {
                    return false;
                }

                continue;
            }

            var t = q / p;
            if (p < 0)
            {
                low = Math.Max(low, t);
            }
            else
            {
                high = Math.Min(high, t);
            }
        }

        return low < high;
    }
}
