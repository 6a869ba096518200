using StreamsApp.Streams.Dsl.Internal.Windowing;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// Fixed-size windows aligned to the epoch: tumbling (advance = size) or hopping (advance &lt; size). A window is
/// half-open, [start, start + size): a record at exactly a window's end belongs to the next window. A window closes
/// once stream time reaches its end plus the grace period; later records for it are dropped.
/// </summary>
public sealed record TimeWindows
{
    private TimeWindows(long sizeMs, long advanceMs, long graceMs)
    {
        SizeMs = sizeMs;
        AdvanceMs = advanceMs;
        GraceMs = graceMs;
    }

    /// <summary>The window size in milliseconds.</summary>
    public long SizeMs { get; }

    /// <summary>How far each window starts after the previous one, in milliseconds (the size for tumbling windows).</summary>
    public long AdvanceMs { get; }

    /// <summary>How long after its end a window still accepts out-of-order records, in milliseconds.</summary>
    public long GraceMs { get; }

    /// <summary>Tumbling windows of <paramref name="size"/> that close as soon as stream time passes their end.</summary>
    public static TimeWindows OfSizeWithNoGrace(TimeSpan size) => OfSizeAndGrace(size, TimeSpan.Zero);

    /// <summary>Tumbling windows of <paramref name="size"/> that accept records up to <paramref name="grace"/> after their end.</summary>
    public static TimeWindows OfSizeAndGrace(TimeSpan size, TimeSpan grace)
    {
        var sizeMs = WindowDurations.Positive(size, nameof(size));
        return new TimeWindows(sizeMs, sizeMs, WindowDurations.Grace(grace, nameof(grace)));
    }

    /// <summary>Hopping windows: a window starts every <paramref name="advance"/>, which must not exceed the size.</summary>
    public TimeWindows AdvanceBy(TimeSpan advance)
    {
        var advanceMs = WindowDurations.Positive(advance, nameof(advance));
        if (advanceMs > SizeMs)
        {
            throw new ArgumentException(
                $"The advance ({advanceMs} ms) must not exceed the window size ({SizeMs} ms): records between windows would be lost",
                nameof(advance));
        }

        return new TimeWindows(SizeMs, advanceMs, GraceMs);
    }

    /// <summary>Every window containing <paramref name="timestamp"/>, earliest first.</summary>
    public IReadOnlyList<TimeWindow> WindowsFor(long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);

        // The earliest window that still contains the timestamp, aligned to a multiple of the advance (as Kafka Streams).
        var start = Math.Max(0, timestamp - SizeMs + AdvanceMs) / AdvanceMs * AdvanceMs;
        var windows = new List<TimeWindow>((int)(SizeMs / AdvanceMs) + 1);
        for (; start <= timestamp; start += AdvanceMs)
        {
            windows.Add(new TimeWindow(start, start > long.MaxValue - SizeMs ? long.MaxValue : start + SizeMs));
        }

        return windows;
    }
}
