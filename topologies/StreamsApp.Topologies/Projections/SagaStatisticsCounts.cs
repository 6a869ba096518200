using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Views;

namespace StreamsApp.Topologies.Projections;

/// <summary>The aggregator of the saga statistics: applies a move into or out of a state to that state's count.</summary>
internal static class SagaStatisticsCounts
{
    public static SagaStatistics Apply(string status, SagaCountChange change, SagaStatistics statistics) => new()
    {
        Status = Enum.Parse<SagaStatus>(status),
        Sagas = statistics.Sagas + change.Delta,
        UpdatedAt = change.At > statistics.UpdatedAt ? change.At : statistics.UpdatedAt,
    };
}
