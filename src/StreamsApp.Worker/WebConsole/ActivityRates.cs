using StreamsApp.Contracts.Saga;

namespace StreamsApp.Worker.WebConsole;

/// <summary>
/// Turns successive <see cref="ClusterActivity"/> readings into <see cref="ConsoleFrame"/>s with rates over the last
/// <see cref="Window"/>. Counters are per worker and restart when a task moves, so each worker's sub-topology counter
/// counts only its rises. Outcome totals are summed over workers and dip while a moved partition restores, so only
/// readings where every worker answered with its sagas are used for them.
/// </summary>
/// <param name="sourceTopics">The topics each sub-topology reads, by its id.</param>
internal sealed class ActivityRates(IReadOnlyDictionary<int, IReadOnlyList<string>> sourceTopics)
{
    /// <summary>How far back the rates look.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Queue<Reading> _processed = new();
    private readonly Queue<Outcomes> _outcomes = new();

    /// <summary>The frame for <paramref name="activity"/>, read at <paramref name="at"/>, with rates since the window's oldest reading.</summary>
    public ConsoleFrame Next(ClusterActivity activity, DateTimeOffset at)
    {
        var sagas = Enum.GetNames<SagaStatus>().ToDictionary(state => state, state => activity.Workers.Sum(w => w.Sagas.GetValueOrDefault(state)));
        var (completed, failed) = (sagas[nameof(SagaStatus.COMPLETED)], sagas[nameof(SagaStatus.FAILED)]);
        if (activity.Unreachable.Count == 0 && activity.Workers.All(w => w.Sagas.Count > 0))
        {
            Keep(_outcomes, new Outcomes(at, completed, failed), r => r.At, at);
        }

        var counters = activity.Workers
            .SelectMany(w => w.Subtopologies.Select(s => (Key: (w.Address, s.Id), s.Processed)))
            .ToDictionary(c => c.Key, c => c.Processed);
        Keep(_processed, new Reading(at, counters), r => r.At, at);

        var outcomes = _outcomes.Count < 2
            ? new OutcomeRates(completed, failed, null, null)
            : new OutcomeRates(completed, failed, PerMinute(_outcomes, o => o.Completed), PerMinute(_outcomes, o => o.Failed));
        var subtopologies = activity.Workers
            .SelectMany(w => w.Subtopologies.Select(s => (Worker: w.Address, Subtopology: s)))
            .GroupBy(x => x.Subtopology.Id)
            .OrderBy(g => g.Key)
            .Select(g => new SubtopologyRate(g.Key, sourceTopics.GetValueOrDefault(g.Key, []), PerSecond(g.Key), g.Sum(x => x.Subtopology.Lag), [.. g.Select(x => x.Worker)]))
            .ToList();
        return new ConsoleFrame(at, activity.Workers[0].Address, activity.Workers, activity.Unreachable, sagas, outcomes, subtopologies);
    }

    private static void Keep<T>(Queue<T> readings, T reading, Func<T, DateTimeOffset> at, DateTimeOffset now)
    {
        readings.Enqueue(reading);
        while (readings.Count > 2 && now - at(readings.Peek()) > Window)
        {
            readings.Dequeue();
        }
    }

    private static double? PerMinute(Queue<Outcomes> readings, Func<Outcomes, long> count)
    {
        var (first, last) = (readings.Peek(), readings.Last());
        var minutes = (last.At - first.At).TotalMinutes;
        return minutes > 0 ? Math.Max(0, count(last) - count(first)) / minutes : null;
    }

    // The rises of each worker's counter between consecutive readings, summed, over the time they span.
    private double? PerSecond(int subtopology)
    {
        if (_processed.Count < 2)
        {
            return null;
        }

        var rises = _processed.Zip(_processed.Skip(1)).Sum(pair => pair.Second.Counters
            .Where(c => c.Key.Subtopology == subtopology)
            .Sum(c => Math.Max(0, c.Value - pair.First.Counters.GetValueOrDefault(c.Key, c.Value))));
        var seconds = (_processed.Last().At - _processed.Peek().At).TotalSeconds;
        return seconds > 0 ? rises / seconds : null;
    }

    private sealed record Outcomes(DateTimeOffset At, long Completed, long Failed);

    private sealed record Reading(DateTimeOffset At, Dictionary<(string Worker, int Subtopology), long> Counters);
}
