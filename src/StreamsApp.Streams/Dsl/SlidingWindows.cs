using StreamsApp.Streams.Dsl.Internal.Windowing;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// Windows of a fixed time difference that slide with the records: every window [start, start + difference] holds
/// both ends, and windows exist only where their contents change — one ending at each record and one starting just
/// after it when later records fall in it, as Kafka Streams' sliding windows. A window closes once stream time
/// reaches its end plus the grace period.
/// </summary>
public sealed record SlidingWindows
{
    private SlidingWindows(long timeDifferenceMs, long graceMs)
    {
        TimeDifferenceMs = timeDifferenceMs;
        GraceMs = graceMs;
    }

    /// <summary>The largest time difference, in milliseconds, between two records of one window.</summary>
    public long TimeDifferenceMs { get; }

    /// <summary>How long after its end a window still accepts out-of-order records, in milliseconds.</summary>
    public long GraceMs { get; }

    /// <summary>Sliding windows of <paramref name="timeDifference"/> that close as soon as stream time passes their end.</summary>
    public static SlidingWindows OfTimeDifferenceWithNoGrace(TimeSpan timeDifference) => OfTimeDifferenceAndGrace(timeDifference, TimeSpan.Zero);

    /// <summary>Sliding windows of <paramref name="timeDifference"/> that accept records up to <paramref name="grace"/> after their end.</summary>
    public static SlidingWindows OfTimeDifferenceAndGrace(TimeSpan timeDifference, TimeSpan grace) =>
        new(WindowDurations.Positive(timeDifference, nameof(timeDifference)), WindowDurations.Grace(grace, nameof(grace)));
}
