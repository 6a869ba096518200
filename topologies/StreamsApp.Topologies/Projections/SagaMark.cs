using StreamsApp.Contracts.Saga;

namespace StreamsApp.Topologies.Projections;

/// <summary>The state a saga is counted in (<see cref="ProjectionStores.SagaCounts"/>, JSON, keyed by saga id).</summary>
/// <param name="Status">Its status.</param>
/// <param name="TimedOut">Whether it failed by running past its deadline.</param>
/// <param name="UpdatedAt">When it reached the status.</param>
public sealed record SagaMark(SagaStatus Status, bool TimedOut, DateTimeOffset UpdatedAt);
