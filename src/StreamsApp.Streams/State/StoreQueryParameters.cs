namespace StreamsApp.Streams.State;

/// <summary>What <c>KafkaStreams.Store</c> should return: a store's name and type, optionally one partition, optionally stale stores.</summary>
/// <typeparam name="TStore">The read-only view the query gets.</typeparam>
public sealed record StoreQueryParameters<TStore>
    where TStore : class
{
    private StoreQueryParameters(string storeName, IQueryableStoreType<TStore> storeType)
    {
        StoreName = storeName;
        StoreType = storeType;
    }

    /// <summary>The store's name in the topology.</summary>
    public string StoreName { get; }

    /// <summary>The kind of store and view.</summary>
    public IQueryableStoreType<TStore> StoreType { get; }

    /// <summary>The one partition to query; null queries every partition this instance runs.</summary>
    public int? Partition { get; private init; }

    /// <summary>Whether stores of tasks still restoring (or of a thread that is rebalancing) are queried too.</summary>
    public bool StaleStoresEnabled { get; private init; }

    /// <summary>Queries the store <paramref name="storeName"/> as <paramref name="storeType"/>.</summary>
    /// <param name="storeName">The store's name in the topology.</param>
    /// <param name="storeType">One of <see cref="QueryableStoreTypes"/>.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Kafka Streams' API shape: StoreQueryParameters.fromNameAndType infers the store type")]
    public static StoreQueryParameters<TStore> FromNameAndType(string storeName, IQueryableStoreType<TStore> storeType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeName);
        ArgumentNullException.ThrowIfNull(storeType);
        return new StoreQueryParameters<TStore>(storeName, storeType);
    }

    /// <summary>Queries only the task of <paramref name="partition"/> (e.g. the one from <c>QueryMetadataForKey</c>).</summary>
    /// <param name="partition">The partition, from 0.</param>
    public StoreQueryParameters<TStore> WithPartition(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        return this with { Partition = partition };
    }

    /// <summary>
    /// Also queries stores that may lag: of tasks restoring from their changelogs, and of threads in a rebalance.
    /// Without it such stores throw <see cref="Errors.StateStoreMigratedException"/>.
    /// </summary>
    public StoreQueryParameters<TStore> EnableStaleStores() => this with { StaleStoresEnabled = true };
}
