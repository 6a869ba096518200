using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Projections;

namespace StreamsApp.Worker.Operations.Metrics;

/// <summary>
/// Sagas per state, and the timed-out ones, from the saga statistics projection, read through an interactive query:
/// this instance's share, the sum of its tasks' totals (each task counts the sagas of its <c>saga.state</c>
/// partition, once each, see <see cref="SagaCounts"/>). Every partition is hosted by one worker, so a sum over
/// workers (<c>sum by (state)</c>) is the application's count.
/// </summary>
internal static class SagaStates
{
    private static readonly StoreQueryParameters<IReadOnlyKeyValueStore<string, SagaTotals>> Totals =
        StoreQueryParameters<IReadOnlyKeyValueStore<string, SagaTotals>>.FromNameAndType(
            ProjectionStores.SagaTotals, QueryableStoreTypes.KeyValueStore<string, SagaTotals>());

    /// <summary>This instance's totals; null while the store cannot be read (starting, rebalancing, closed).</summary>
    public static SagaTotals? Read(KafkaStreams? streams)
    {
        if (streams is null)
        {
            return null;
        }

        try
        {
            return SagaCounts.Sum(streams.Store(Totals));
        }
        catch (InvalidStateStoreException)
        {
            return null;
        }
    }
}
