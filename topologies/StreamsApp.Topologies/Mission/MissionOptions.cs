using StreamsApp.Topologies.Projections;
using StreamsApp.Topologies.Saga;

namespace StreamsApp.Topologies.Mission;

/// <summary>What the mission's topology contains and how its parts are tuned.</summary>
public sealed class MissionOptions
{
    /// <summary>The parts to run (default: all).</summary>
    public MissionParts Parts { get; init; } = MissionParts.All;

    /// <summary>The orchestrator's timeout, scan interval and finished-saga retention.</summary>
    public SagaOptions Saga { get; init; } = new();

    /// <summary>The product sales' grace and retention.</summary>
    public ProjectionOptions Projections { get; init; } = new();

    /// <summary>How long the intake remembers event ids; null for the intake's default.</summary>
    public TimeSpan? DeduplicationTtl { get; init; }
}
