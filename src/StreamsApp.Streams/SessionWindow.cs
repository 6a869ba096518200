namespace StreamsApp.Streams;

/// <summary>
/// A closed window <c>[StartMs, EndMs]</c> spanning a session's first and last record, as Kafka Streams'
/// <c>SessionWindow</c>; a session of one record has equal start and end.
/// </summary>
public sealed record SessionWindow : Window
{
    /// <summary>Creates a window.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The start is negative or the end is before the start.</exception>
    public SessionWindow(long startMs, long endMs)
        : base(startMs, endMs)
    {
    }

    /// <summary>True when the closed ranges intersect (touching ends overlap).</summary>
    /// <exception cref="ArgumentException">The other window is not a <see cref="SessionWindow"/>.</exception>
    public override bool Overlap(Window other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other is not SessionWindow)
        {
            throw new ArgumentException($"Cannot compare a SessionWindow with a {other.GetType().Name}", nameof(other));
        }

        return !(other.EndMs < StartMs || EndMs < other.StartMs);
    }
}
