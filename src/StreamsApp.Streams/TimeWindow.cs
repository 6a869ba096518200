namespace StreamsApp.Streams;

/// <summary>
/// A half-open time window <c>[StartMs, EndMs)</c> of tumbling and hopping windows, as Kafka Streams' <c>TimeWindow</c>.
/// </summary>
public sealed record TimeWindow : Window
{
    /// <summary>Creates a window.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The start is negative or the end is not after the start.</exception>
    public TimeWindow(long startMs, long endMs)
        : base(startMs, endMs)
    {
        // Half-open: an empty [start, start) window would hold nothing.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(endMs, startMs);
    }

    /// <summary>True when the half-open ranges intersect.</summary>
    /// <exception cref="ArgumentException">The other window is not a <see cref="TimeWindow"/>.</exception>
    public override bool Overlap(Window other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other is not TimeWindow)
        {
            throw new ArgumentException($"Cannot compare a TimeWindow with a {other.GetType().Name}", nameof(other));
        }

        return StartMs < other.EndMs && other.StartMs < EndMs;
    }
}
