namespace StreamsApp.Topologies.Saga;

/// <summary>Tuning of the order saga orchestrator.</summary>
public sealed class SagaOptions
{
    /// <summary>How long a saga may run, from its order, before it times out and compensates (default five minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the wall-clock punctuator scans the store for sagas past their deadline (default one second).</summary>
    public TimeSpan TimeoutScanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a finished (COMPLETED or FAILED) saga is kept after its last change before the punctuator purges it
    /// from the orchestrator's stores (default seven days). While it is kept, a re-sent order does not start it again
    /// and a late payment capture is refunded; after, an order re-sent with the same id starts a new saga (the intake
    /// drops redelivered events for its deduplication TTL, one day by default, so keep this longer) and a reply names
    /// an unknown saga (dead-lettered). The purge writes nothing to <c>saga.state</c>: the projections keep the saga's
    /// last state, so the saga statistics still count it as finished.
    /// </summary>
    public TimeSpan FinishedSagaRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long the participants have to confirm the compensations before they are asked again (default thirty
    /// seconds); each further wait is twice the one before.
    /// </summary>
    public TimeSpan CompensationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the compensations are asked, the first time included, before the saga gives up and goes to
    /// <c>saga.DLT</c>, still COMPENSATING (default 5).
    /// </summary>
    public int MaxCompensationAttempts { get; init; } = 5;

    /// <summary>Checks the options; the exception names the bad one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The timeout or the retention is not positive, the scan interval or the compensation timeout is under a
    /// millisecond, or no compensation attempt is allowed.
    /// </exception>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero)
        {
            throw OutOfRange(nameof(Timeout), Timeout, "must be positive");
        }

        if (TimeoutScanInterval < TimeSpan.FromMilliseconds(1))
        {
            throw OutOfRange(nameof(TimeoutScanInterval), TimeoutScanInterval, "must be at least a millisecond");
        }

        if (FinishedSagaRetention <= TimeSpan.Zero)
        {
            throw OutOfRange(nameof(FinishedSagaRetention), FinishedSagaRetention, "must be positive");
        }

        if (CompensationTimeout < TimeSpan.FromMilliseconds(1))
        {
            throw OutOfRange(nameof(CompensationTimeout), CompensationTimeout, "must be at least a millisecond");
        }

        if (MaxCompensationAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxCompensationAttempts), MaxCompensationAttempts, $"{nameof(SagaOptions)}.{nameof(MaxCompensationAttempts)} must be at least 1");
        }
    }

    private static ArgumentOutOfRangeException OutOfRange(string name, TimeSpan value, string rule) =>
        new(name, value, $"{nameof(SagaOptions)}.{name} {rule}");
}
