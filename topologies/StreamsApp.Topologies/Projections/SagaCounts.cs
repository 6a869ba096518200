using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Reads the saga statistics of <see cref="SagaCounter"/>: each task counts the sagas of its <c>saga.state</c>
/// partition (<see cref="ProjectionStores.SagaTotals"/>), so the statistics are the sum of every task's totals.
/// </summary>
public static class SagaCounts
{
    /// <summary>The key of a task's totals in <see cref="ProjectionStores.SagaTotals"/>, one per task.</summary>
    public const string TotalsKey = "totals";

    /// <summary>The totals of every task a view of <see cref="ProjectionStores.SagaTotals"/> holds, summed.</summary>
    /// <param name="totals">The store, as an interactive query or the test driver shows it.</param>
    /// <returns>The sum; <see cref="SagaTotals.None"/> for a store with no sagas.</returns>
    public static SagaTotals Sum(IReadOnlyKeyValueStore<string, SagaTotals> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.All().Select(entry => entry.Value).Aggregate(SagaTotals.None, (sum, task) => sum.Plus(task));
    }
}
