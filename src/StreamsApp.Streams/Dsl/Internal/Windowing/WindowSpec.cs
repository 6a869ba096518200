namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// What a time-windowed aggregation needs of its windows, tumbling, hopping or sliding: the window size (the store's
/// window size and the windowed key serde's), the grace, and how long windows must stay in the store.
/// </summary>
/// <param name="SizeMs">The window size; for sliding windows their time difference (end = start + difference).</param>
/// <param name="GraceMs">How long after its end a window still accepts records.</param>
/// <param name="RetainedMs">The least retention before grace: the size, or twice the difference for sliding windows,
/// whose records reach back to windows one difference before their own (as Kafka Streams).</param>
/// <param name="InclusiveEnd">Whether a window holds its end (sliding windows), so it closes a millisecond later.</param>
internal sealed record WindowSpec(long SizeMs, long GraceMs, long RetainedMs, bool InclusiveEnd)
{
    /// <summary>How long after a window's end (as in its key) stream time must go before the window is closed.</summary>
    public long ClosesAfterEndMs => InclusiveEnd ? GraceMs + 1 : GraceMs;

    public static WindowSpec Of(TimeWindows windows) => new(windows.SizeMs, windows.GraceMs, windows.SizeMs, InclusiveEnd: false);

    public static WindowSpec Of(SlidingWindows windows) =>
        new(windows.TimeDifferenceMs, windows.GraceMs, 2 * windows.TimeDifferenceMs, InclusiveEnd: true);
}
