namespace StreamsApp.Worker.WebConsole;

/// <summary>
/// What the web console's live feed sends each second (<see cref="LiveFeed"/>): every worker's activity, the
/// application's sagas per state, and outcome and processing rates over the last few seconds.
/// </summary>
/// <param name="At">When the workers were read.</param>
/// <param name="ServedBy">The worker that sent the frame.</param>
/// <param name="Workers">Every worker that answered, <paramref name="ServedBy"/> first.</param>
/// <param name="Unreachable">Workers the metadata names that did not answer.</param>
/// <param name="Sagas">The application's sagas per state: the workers' counts summed (each partition is hosted once).</param>
/// <param name="Outcomes">Sagas finished, and how many a minute lately.</param>
/// <param name="Subtopologies">Each running sub-topology's rate and lag over every worker.</param>
internal sealed record ConsoleFrame(
    DateTimeOffset At,
    string ServedBy,
    IReadOnlyList<WorkerActivity> Workers,
    IReadOnlyList<string> Unreachable,
    IReadOnlyDictionary<string, long> Sagas,
    OutcomeRates Outcomes,
    IReadOnlyList<SubtopologyRate> Subtopologies);

/// <summary>Sagas finished, in total and per minute over the feed's window; rates are null until two readings exist.</summary>
internal sealed record OutcomeRates(long Completed, long Failed, double? CompletedPerMinute, double? FailedPerMinute);

/// <summary>A sub-topology's work over every worker running a task of it.</summary>
/// <param name="Id">The sub-topology.</param>
/// <param name="Topics">The topics it reads.</param>
/// <param name="PerSecond">Records processed per second over the feed's window; null until two readings exist.</param>
/// <param name="Lag">Records waiting in its input partitions.</param>
/// <param name="Workers">The workers running its tasks.</param>
internal sealed record SubtopologyRate(int Id, IReadOnlyList<string> Topics, double? PerSecond, long Lag, IReadOnlyList<string> Workers);
