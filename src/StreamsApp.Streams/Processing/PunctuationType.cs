namespace StreamsApp.Streams.Processing;

/// <summary>Which clock drives a scheduled punctuation.</summary>
public enum PunctuationType
{
    /// <summary>Fires as the task's stream time (largest record timestamp seen) passes each interval.</summary>
    StreamTime,

    /// <summary>Fires as the system clock passes each interval, checked between records.</summary>
    WallClockTime,
}
