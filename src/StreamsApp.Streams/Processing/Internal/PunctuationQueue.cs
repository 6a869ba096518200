namespace StreamsApp.Streams.Processing.Internal;

/// <summary>The punctuators of one task for one clock, ordered by due time.</summary>
internal sealed class PunctuationQueue
{
    private readonly PriorityQueue<PunctuationSchedule, long> _due = new();

    public void Add(PunctuationSchedule schedule) => _due.Enqueue(schedule, schedule.NextDueMs);

    /// <summary>Runs every punctuator due at <paramref name="nowMs"/> once; returns whether any ran.</summary>
    public bool MayPunctuate(long nowMs, Action<PunctuationSchedule, long> run)
    {
        var punctuated = false;
        while (_due.TryPeek(out var schedule, out var dueMs) && dueMs <= nowMs)
        {
            _due.Dequeue();
            if (schedule.IsCancelled)
            {
                continue;
            }

            run(schedule, nowMs);
            punctuated = true;
            schedule.Advance(nowMs);
            if (!schedule.IsCancelled)
            {
                _due.Enqueue(schedule, schedule.NextDueMs);
            }
        }

        return punctuated;
    }
}
