namespace StreamsApp.Streams.Dsl;

/// <summary>
/// The time bounds of a stream-stream join, as Kafka Streams' <c>JoinWindows</c>: a record of this stream at time
/// <c>t</c> joins the other stream's records from <c>t - Before</c> to <c>t + After</c> (both inclusive). Windows are
/// symmetric unless <see cref="WithBefore"/> or <see cref="WithAfter"/> change one side. Records arriving later than
/// the window plus the grace period (by stream time) are dropped.
/// </summary>
public sealed record JoinWindows
{
    private JoinWindows(long beforeMs, long afterMs, long graceMs)
    {
        BeforeMs = beforeMs;
        AfterMs = afterMs;
        GraceMs = graceMs;
    }

    /// <summary>How far back from a record of this stream the other stream's records join, in milliseconds.</summary>
    public long BeforeMs { get; }

    /// <summary>How far ahead of a record of this stream the other stream's records join, in milliseconds.</summary>
    public long AfterMs { get; }

    /// <summary>How long after a window closes out-of-order records are still accepted, in milliseconds.</summary>
    public long GraceMs { get; }

    /// <summary>The whole span of a window: <see cref="BeforeMs"/> + <see cref="AfterMs"/>.</summary>
    public long SizeMs => BeforeMs + AfterMs;

    /// <summary>Symmetric windows of <paramref name="timeDifference"/> each way, accepting no late records.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The difference is negative.</exception>
    public static JoinWindows OfTimeDifferenceWithNoGrace(TimeSpan timeDifference) =>
        OfTimeDifferenceAndGrace(timeDifference, TimeSpan.Zero);

    /// <summary>Symmetric windows of <paramref name="timeDifference"/> each way, with a grace period.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A span is negative.</exception>
    public static JoinWindows OfTimeDifferenceAndGrace(TimeSpan timeDifference, TimeSpan grace)
    {
        var difference = NonNegativeMillis(timeDifference, nameof(timeDifference));
        return new JoinWindows(difference, difference, NonNegativeMillis(grace, nameof(grace)));
    }

    /// <summary>Returns windows reaching <paramref name="timeDifference"/> back from a record of this stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window would be empty (before + after &lt; 0) or the span is out of range.</exception>
    public JoinWindows WithBefore(TimeSpan timeDifference) => Bounded(Millis(timeDifference), AfterMs, nameof(timeDifference));

    /// <summary>Returns windows reaching <paramref name="timeDifference"/> ahead of a record of this stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window would be empty (before + after &lt; 0) or the span is out of range.</exception>
    public JoinWindows WithAfter(TimeSpan timeDifference) => Bounded(BeforeMs, Millis(timeDifference), nameof(timeDifference));

    /// <summary>Kafka Streams' name for <see cref="WithBefore"/>.</summary>
    /// <inheritdoc cref="WithBefore" path="/exception"/>
    public JoinWindows Before(TimeSpan timeDifference) => WithBefore(timeDifference);

    /// <summary>Kafka Streams' name for <see cref="WithAfter"/>.</summary>
    /// <inheritdoc cref="WithAfter" path="/exception"/>
    public JoinWindows After(TimeSpan timeDifference) => WithAfter(timeDifference);

    /// <summary>Windows as the other stream sees them: before and after swap.</summary>
    internal JoinWindows Reversed => new(AfterMs, BeforeMs, GraceMs);

    private JoinWindows Bounded(long beforeMs, long afterMs, string parameterName)
    {
        // As in Kafka Streams, one bound may be negative (a window entirely before or after the record), but the
        // window must not be empty.
        if (beforeMs + afterMs < 0)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, $"A join window must not be empty: before ({beforeMs} ms) + after ({afterMs} ms) < 0");
        }

        return new JoinWindows(beforeMs, afterMs, GraceMs);
    }

    private static long Millis(TimeSpan span) => (long)span.TotalMilliseconds;

    private static long NonNegativeMillis(TimeSpan span, string parameterName) =>
        span >= TimeSpan.Zero ? Millis(span) : throw new ArgumentOutOfRangeException(parameterName, span, "must not be negative");
}
