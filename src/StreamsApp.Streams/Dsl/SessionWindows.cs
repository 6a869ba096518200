using StreamsApp.Streams.Dsl.Internal.Windowing;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// Sessions of activity per key: records closer than the inactivity gap share a session, and a record that bridges
/// two sessions merges them. A session closes once stream time reaches its end plus the grace period.
/// </summary>
public sealed record SessionWindows
{
    private SessionWindows(long gapMs, long graceMs)
    {
        InactivityGapMs = gapMs;
        GraceMs = graceMs;
    }

    /// <summary>The longest quiet time, in milliseconds, that still keeps two records in one session.</summary>
    public long InactivityGapMs { get; }

    /// <summary>How long after its end a session still accepts out-of-order records, in milliseconds.</summary>
    public long GraceMs { get; }

    /// <summary>Sessions split by <paramref name="inactivityGap"/> that close as soon as stream time passes their end.</summary>
    public static SessionWindows OfInactivityGapWithNoGrace(TimeSpan inactivityGap) => OfInactivityGapAndGrace(inactivityGap, TimeSpan.Zero);

    /// <summary>Sessions split by <paramref name="inactivityGap"/> that accept records up to <paramref name="grace"/> after their end.</summary>
    public static SessionWindows OfInactivityGapAndGrace(TimeSpan inactivityGap, TimeSpan grace) =>
        new(WindowDurations.Positive(inactivityGap, nameof(inactivityGap)), WindowDurations.Grace(grace, nameof(grace)));
}
