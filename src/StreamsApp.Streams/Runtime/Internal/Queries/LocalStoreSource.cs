using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>
/// What an instance offers interactive queries: its state, its live stream threads, its standby replicas, its global
/// stores, its topology.
/// </summary>
internal sealed class LocalStoreSource(
    InternalTopologyBuilder builder,
    Func<KafkaStreamsState> state,
    Func<IReadOnlyList<StreamThread>> threads,
    Func<StandbyUpdater?> standbys,
    Func<GlobalStateUpdater?> global,
    Func<StoreTopology?> topology)
{
    public IReadOnlyList<StreamThread> Threads() => threads();

    /// <summary>The standby replicas; null when the instance keeps none.</summary>
    public StandbyUpdater? Standbys => standbys();

    public GlobalStateUpdater? Global => global();

    public int? PartitionCount(string storeName) => topology()?.PartitionCount(storeName);

    /// <summary>Throws when the instance cannot answer queries at all now, or the store does not exist.</summary>
    public void EnsureQueryable(string storeName)
    {
        EnsureRunning(storeName);
        if (!IsKnown(storeName))
        {
            throw new UnknownStateStoreException(
                $"Cannot query store '{storeName}': the topology has no store of that name; check the name (stores: {string.Join(", ", builder.Stores.Keys.Order(StringComparer.Ordinal))})");
        }
    }

    public bool IsKnown(string storeName) => builder.Stores.ContainsKey(storeName) || builder.IsGlobalStore(storeName);

    /// <summary>Throws when the instance is not started yet or is stopping or stopped.</summary>
    public void EnsureRunning(string storeName)
    {
        switch (state())
        {
            case KafkaStreamsState.Created:
                throw new StreamsNotStartedException(
                    $"Cannot query store '{storeName}': KafkaStreams is not started; start it and wait until it is Running");
            case KafkaStreamsState.PendingShutdown or KafkaStreamsState.NotRunning or KafkaStreamsState.Error:
                throw new StateStoreNotAvailableException(
                    $"Cannot query store '{storeName}': KafkaStreams is {state()}; its stores are closed for good, query another instance");
        }
    }
}
