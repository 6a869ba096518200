namespace StreamsApp.Streams;

/// <summary>
/// A window of time, in milliseconds since the Unix epoch, as Kafka Streams' <c>Window</c>. Two windows are equal
/// when they are of the same kind and have the same bounds.
/// </summary>
public abstract record Window
{
    /// <summary>Checks the bounds every window shares: a non-negative start and an end not before it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The start is negative or the end is before the start.</exception>
    protected Window(long startMs, long endMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(endMs, startMs);
        StartMs = startMs;
        EndMs = endMs;
    }

    /// <summary>The start of the window.</summary>
    public long StartMs { get; }

    /// <summary>The end of the window; whether it is inclusive depends on the kind of window.</summary>
    public long EndMs { get; }

    /// <summary>True when this window and <paramref name="other"/> share at least one point in time.</summary>
    /// <exception cref="ArgumentException">The other window is of a different kind.</exception>
    public abstract bool Overlap(Window other);
}
