namespace StreamsApp.Topologies.Saga;

/// <summary>Tuning of the order saga orchestrator.</summary>
public sealed class SagaOptions
{
    /// <summary>How long a saga may run, from its order, before it times out and compensates (default five minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the wall-clock punctuator scans the store for sagas past their deadline (default one second).</summary>
    public TimeSpan TimeoutScanInterval { get; init; } = TimeSpan.FromSeconds(1);
}
