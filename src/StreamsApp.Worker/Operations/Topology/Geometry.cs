namespace StreamsApp.Worker.Operations.Topology;

/// <summary>A point of the picture, y growing downwards.</summary>
internal readonly record struct Point(double X, double Y)
{
    public Point Offset(double dx, double dy) => new(X + dx, Y + dy);
}

/// <summary>A box of the picture.</summary>
internal readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Bottom => Y + Height;

    public double CenterX => X + Width / 2;

    public Box Offset(double dx, double dy) => new(X + dx, Y + dy, Width, Height);
}

/// <summary>
/// An edge's line: a start and straight or curved pieces. Curves bend only inside the band between two layers (or
/// the band above or below one), so a line never crosses a box it does not join.
/// </summary>
/// <param name="Start">Where it leaves its tail.</param>
/// <param name="Pieces">What follows, in order.</param>
internal sealed record EdgePath(Point Start, IReadOnlyList<PathPiece> Pieces)
{
    /// <summary>Where it ends (its arrow).</summary>
    public Point End => Pieces.Count == 0 ? Start : Pieces[^1].To;

    /// <summary>The same line drawn the other way.</summary>
    public EdgePath Reversed()
    {
        var pieces = new List<PathPiece>(Pieces.Count);
        for (var i = Pieces.Count - 1; i >= 0; i--)
        {
            var start = i == 0 ? Start : Pieces[i - 1].To;
            var piece = Pieces[i];
            pieces.Add(piece.IsCurve ? new PathPiece(piece.Control2, piece.Control1, start) : PathPiece.Line(start));
        }

        return new EdgePath(End, pieces);
    }

    public EdgePath Offset(double dx, double dy) =>
        new(Start.Offset(dx, dy), [.. Pieces.Select(p => new PathPiece(p.Control1.Offset(dx, dy), p.Control2.Offset(dx, dy), p.To.Offset(dx, dy), p.IsCurve))]);
}

/// <summary>A straight line to <see cref="To"/>, or a cubic curve through its two control points.</summary>
internal readonly record struct PathPiece(Point Control1, Point Control2, Point To, bool IsCurve = true)
{
    public static PathPiece Line(Point to) => new(to, to, to, IsCurve: false);

    /// <summary>A curve from <paramref name="start"/> that leaves and arrives vertically, turning at height <paramref name="turnY"/>.</summary>
    public static PathPiece Bend(Point start, Point to, double turnY) => new(start with { Y = turnY }, to with { Y = turnY }, to);
}
