using StreamsApp.Contracts.Views;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Projections;

namespace StreamsApp.Worker.Operations.Metrics;

/// <summary>
/// Sagas per state from the saga-statistics projection, read through an interactive query: this instance's share,
/// the states whose partitions its tasks host. Each state lives in one partition, so every state is reported by one
/// worker and a sum over workers (<c>sum by (state)</c>) is the application's count.
/// </summary>
internal static class SagaStates
{
    private static readonly StoreQueryParameters<IReadOnlyKeyValueStore<string, SagaStatistics>> Statistics =
        StoreQueryParameters<IReadOnlyKeyValueStore<string, SagaStatistics>>.FromNameAndType(
            ProjectionStores.SagaStatistics, QueryableStoreTypes.KeyValueStore<string, SagaStatistics>());

    /// <summary>Sagas per state symbol (e.g. <c>COMPLETED</c>); null while the store cannot be read (starting, rebalancing, closed).</summary>
    public static IReadOnlyDictionary<string, long>? Read(KafkaStreams? streams)
    {
        if (streams is null)
        {
            return null;
        }

        try
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            using var all = streams.Store(Statistics).All();
            foreach (var entry in all)
            {
                counts[entry.Key] = entry.Value.Sagas;
            }

            return counts;
        }
        catch (InvalidStateStoreException)
        {
            return null;
        }
    }
}
