namespace StreamsApp.Streams.Processing.Internal;

/// <summary>One scheduled punctuator and the next time it is due.</summary>
internal sealed class PunctuationSchedule(string nodeName, long intervalMs, long firstDueMs, Action<long> punctuator)
    : ICancellable
{
    public string NodeName { get; } = nodeName;

    public long NextDueMs { get; private set; } = firstDueMs;

    public Action<long> Punctuator { get; } = punctuator;

    public bool IsCancelled { get; private set; }

    public void Cancel() => IsCancelled = true;

    /// <summary>
    /// Moves to the next due time after <paramref name="nowMs"/>. Missed intervals are skipped, not replayed: a
    /// clock that jumps several intervals fires once, as in Kafka Streams.
    /// </summary>
    public void Advance(long nowMs)
    {
        var next = NextDueMs + intervalMs;
        if (nowMs >= next)
        {
            next = NextDueMs + (((nowMs - NextDueMs) / intervalMs) + 1) * intervalMs;
        }

        NextDueMs = next;
    }
}
