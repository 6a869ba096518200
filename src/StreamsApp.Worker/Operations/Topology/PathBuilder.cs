namespace StreamsApp.Worker.Operations.Topology;

/// <summary>Builds an <see cref="EdgePath"/> piece by piece, leaving out pieces of no length.</summary>
internal sealed class PathBuilder(Point start)
{
    private readonly Point _start = start;
    private readonly List<PathPiece> _pieces = [];

    private Point At { get; set; } = start;

    public void LineTo(Point to)
    {
        if (Distance(At, to) < 0.01)
        {
            return;
        }

        // A straight run continuing a straight run in the same direction is one piece.
        if (_pieces.Count > 0 && !_pieces[^1].IsCurve && IsSameDirection(PreviousStart(), At, to))
        {
            _pieces[^1] = PathPiece.Line(to);
        }
        else
        {
            _pieces.Add(PathPiece.Line(to));
        }

        At = to;
    }

    /// <summary>A vertical-to-vertical curve to <paramref name="to"/>, turning halfway down.</summary>
    public void BendTo(Point to)
    {
        if (Math.Abs(to.X - At.X) < 0.5)
        {
            LineTo(to);
            return;
        }

        _pieces.Add(PathPiece.Bend(At, to, (At.Y + to.Y) / 2));
        At = to;
    }

    /// <summary>A U-turn to <paramref name="to"/> (level with here) reaching <paramref name="depth"/> up (negative) or down.</summary>
    public void ArchTo(Point to, double depth)
    {
        _pieces.Add(PathPiece.Bend(At, to, At.Y + depth / 0.75));
        At = to;
    }

    public void Append(EdgePath path)
    {
        foreach (var piece in path.Pieces)
        {
            if (piece.IsCurve)
            {
                _pieces.Add(piece);
                At = piece.To;
            }
            else
            {
                LineTo(piece.To);
            }
        }
    }

    public EdgePath Build() => new(_start, [.. _pieces]);

    private Point PreviousStart() => _pieces.Count > 1 ? _pieces[^2].To : _start;

    private static bool IsSameDirection(Point a, Point b, Point c) =>
        Math.Abs((b.X - a.X) * (c.Y - b.Y) - (b.Y - a.Y) * (c.X - b.X)) < 0.01 && (b.X - a.X) * (c.X - b.X) + (b.Y - a.Y) * (c.Y - b.Y) > 0;

    private static double Distance(Point a, Point b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
