namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>Turns the durations of a window spec into milliseconds, rejecting values Kafka Streams rejects.</summary>
internal static class WindowDurations
{
    /// <summary>A duration of at least one millisecond (window sizes, advances, gaps).</summary>
    public static long Positive(TimeSpan span, string parameterName)
    {
        var ms = (long)span.TotalMilliseconds;
        if (ms <= 0)
        {
            throw new ArgumentException($"{parameterName} must be at least one millisecond, got {span}", parameterName);
        }

        return ms;
    }

    /// <summary>A grace period: zero or more milliseconds.</summary>
    public static long Grace(TimeSpan span, string parameterName)
    {
        var ms = (long)span.TotalMilliseconds;
        if (ms < 0)
        {
            throw new ArgumentException($"{parameterName} must not be negative, got {span}", parameterName);
        }

        return ms;
    }
}
