using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.Runtime.Internal.Queries;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Queries;

namespace StreamsApp.Streams.Runtime;

/// <summary>
/// Interactive queries (Kafka Streams IQv1): read-only views of this instance's stores, and which instance
/// (<see cref="StreamsConfig.ApplicationServer"/>) owns a key, learnt through the query-hosts topic (decision 0016).
/// </summary>
public sealed partial class KafkaStreams
{
    private readonly HostClaims _claims = new();
    private LocalStoreSource? _storeSource;
    private StoreTopology? _storeTopology;
    private QueryHostsExchange? _exchange;
    private long _localClaimOrder;

    /// <summary>
    /// A read-only view of the stores named <see cref="StoreQueryParameters{TStore}.StoreName"/> of every active
    /// task of this instance (or the global store), safe to use from any thread while stream threads write: each read
    /// looks the stores up again, takes the writing thread's store lock, and sees writes still in the cache. Ranges and
    /// fetches read the stores when they are enumerated, anew each time, and copy what they read under the lock, so an
    /// enumeration never holds a store open and stays valid when a task closes: key-value ranges a page at a time,
    /// prefix scans and window and session fetches whole (bound them with key and time ranges).
    /// </summary>
    /// <typeparam name="TStore">The view, from <see cref="QueryableStoreTypes"/>.</typeparam>
    /// <param name="parameters">The store's name and type, and optionally a partition and stale stores.</param>
    /// <exception cref="Errors.StreamsNotStartedException">The instance is not started.</exception>
    /// <exception cref="Errors.StateStoreNotAvailableException">The instance is shutting down, closed or failed.</exception>
    /// <exception cref="Errors.UnknownStateStoreException">The topology has no such store.</exception>
    /// <exception cref="Errors.StateStoreMigratedException">
    /// No store can be read here now (rebalancing, restoring, or hosted elsewhere): retry later. Reads of the returned
    /// view throw it too, ranges and fetches when they are enumerated.
    /// </exception>
    /// <exception cref="Errors.InvalidStateStorePartitionException">The partition does not exist.</exception>
    /// <exception cref="Errors.InvalidStateStoreException">The store is not of the requested type.</exception>
    public TStore Store<TStore>(StoreQueryParameters<TStore> parameters)
        where TStore : class
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.StoreType is not QueryableStoreType<TStore> type)
        {
            throw new ArgumentException("The store type must come from QueryableStoreTypes", nameof(parameters));
        }

        var provider = new LocalStoreProvider(StoreSource, parameters.StoreName, parameters.Partition, parameters.StaleStoresEnabled);

        // Fail here rather than at the first read when nothing can be read now or the type does not fit.
        provider.Read(store => type.Accepts(store) ? true : throw QueryableStoreType<TStore>.NotAccepted(store));
        return type.Create(provider);
    }

    /// <summary>
    /// Which instance owns <paramref name="key"/> of a store, and its partition (murmur2 of the serialized key, as
    /// the default producer partitioner). Answers from memory: no I/O.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="storeName">The store.</param>
    /// <param name="key">The key.</param>
    /// <param name="keySerializer">Serializes the key as the store's input topic is keyed.</param>
    /// <returns>The owner and partition; <see cref="KeyQueryMetadata.NotAvailable"/> while no instance claims the partition
    /// (rebalancing, starting); for a global store, this instance and partition -1.</returns>
    /// <exception cref="Errors.StreamsNotStartedException">The instance is not started.</exception>
    /// <exception cref="Errors.StateStoreNotAvailableException">The instance is shutting down, closed or failed.</exception>
    /// <exception cref="Errors.UnknownStateStoreException">The topology has no such store.</exception>
    public KeyQueryMetadata QueryMetadataForKey<TKey>(string storeName, TKey key, ISerializer<TKey> keySerializer)
    {
        ArgumentNullException.ThrowIfNull(keySerializer);
        return QueryMetadataForKey(
            storeName, key,
            (topic, k, partitions) => Murmur2Partitioner.Partition(keySerializer.Serialize(k, new SerializationContext(MessageComponentType.Key, topic)), partitions));
    }

    /// <summary>As <see cref="QueryMetadataForKey{TKey}(string, TKey, ISerializer{TKey})"/>, for input written with a custom partitioner.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="storeName">The store.</param>
    /// <param name="key">The key.</param>
    /// <param name="partitioner">The key's partition given the topic, key and partition count.</param>
    public KeyQueryMetadata QueryMetadataForKey<TKey>(string storeName, TKey key, Func<string, TKey, int, int> partitioner)
    {
        ArgumentNullException.ThrowIfNull(partitioner);
        StoreSource.EnsureQueryable(storeName);
        if (_storeTopology is not { } topology)
        {
            return KeyQueryMetadata.NotAvailable;
        }

        if (topology.GlobalStores.Contains(storeName))
        {
            return new KeyQueryMetadata(LocalHost, -1);
        }

        if (topology.SubtopologyOf(storeName) is not { } subtopology)
        {
            return KeyQueryMetadata.NotAvailable;
        }

        var count = topology.PartitionCount(storeName)!.Value;
        var partition = partitioner(topology.PartitioningTopic(subtopology), key, count);
        if (partition < 0 || partition >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(partitioner), $"The partitioner returned {partition}; store '{storeName}' has {count} partitions");
        }

        var task = new TaskId(subtopology, partition);
        var standbys = _claims.StandbysOf(task);
        return _claims.OwnerOf(task) is { } host
            ? new KeyQueryMetadata(host, partition) { StandbyHosts = standbys }
            : standbys.Count > 0 ? new KeyQueryMetadata(HostInfo.Unavailable, partition) { StandbyHosts = standbys } : KeyQueryMetadata.NotAvailable;
    }

    /// <summary>The instances hosting a store (every instance for a global store); empty for an unknown store. No I/O.</summary>
    /// <param name="storeName">The store.</param>
    public IReadOnlyCollection<StreamsMetadata> StreamsMetadataForStore(string storeName)
    {
        StoreSource.EnsureRunning(storeName);
        return [.. MetadataForAllStreamsClients().Where(m => m.StateStoreNames.Contains(storeName))];
    }

    /// <summary>
    /// Every instance of the application known now, with its stores and partitions. Without
    /// <see cref="StreamsConfig.ApplicationServer"/>, only this instance, as <see cref="HostInfo.Unavailable"/>. No I/O.
    /// </summary>
    public IReadOnlyCollection<StreamsMetadata> MetadataForAllStreamsClients()
    {
        StoreSource.EnsureRunning("*");
        if (_storeTopology is not { } topology)
        {
            return [];
        }

        // Without an application server the claims of others (kept for standby placement) name no host to list.
        if (_config.ApplicationServer is null)
        {
            return _claims.ClaimOf(_processId) is { Tasks.Count: > 0 } own
                ? [new StreamsMetadata(HostInfo.Unavailable, topology.StoresOf(own.Tasks), topology.PartitionsOf(own.Tasks))]
                : [];
        }

        return [.. _claims.TasksByHost
            .OrderBy(h => h.Key.ToString(), StringComparer.Ordinal)
            .Select(h => new StreamsMetadata(h.Key, topology.StoresOf(h.Value), topology.PartitionsOf(h.Value)))];
    }

    private HostInfo LocalHost => _config.ApplicationServer is { } server ? HostInfo.Parse(server) : HostInfo.Unavailable;

    private LocalStoreSource StoreSource => _storeSource ??= new LocalStoreSource(
        _builder, () => State, () => { lock (_gate) { return [.. _threads]; } }, () => _setup?.Standbys, () => _globalThread?.Updater, () => _storeTopology);

    private void StartQueries(TopologyMetadata metadata, ILoggerFactory loggerFactory)
    {
        _storeTopology = new StoreTopology(metadata);
        if (SharesClaims)
        {
            var log = loggerFactory.CreateLogger<QueryHostsExchange>();
            if (_config.QueryHostsSecret is null)
            {
                QueryLog.UnauthenticatedClaims(log, QueryHostsExchange.TopicName(_config.ApplicationId));
            }

            _exchange = new QueryHostsExchange(_config, _processId, LocalHost, _claims, Metrics, log);
            _exchange.Start();
        }
    }

    /// <summary>
    /// Whether instances share claims through the query-hosts topic: to find each other's application server, and to
    /// place standby replicas (decision 0024).
    /// </summary>
    private bool SharesClaims => _config.ApplicationServer is not null || _config.NumStandbyReplicas > 0;

    /// <summary>
    /// After every rebalance, and while running when tasks are revoked or the standbys kept change (caller holds the
    /// gate): claims this instance's active tasks and standbys.
    /// </summary>
    private void PublishActiveTasks()
    {
        var tasks = _threads.SelectMany(t => t.ActiveTasks).ToHashSet();
        var standbys = _setup?.Standbys?.TaskIds ?? new HashSet<TaskId>();
        if (_exchange is { } exchange)
        {
            exchange.Publish(tasks, standbys);
            _claims.ApplyOwn(_processId, LocalHost, tasks, standbys);
        }
        else
        {
            _claims.Apply(_processId, new HostClaim(LocalHost, tasks, standbys, ++_localClaimOrder));
        }
    }

    /// <summary>
    /// The claim changed while running: the standbys kept changed, or an incremental rebalance closed revoked tasks
    /// and left the instance Running, so that no state change publishes. Without it the claim would go on naming the
    /// revoked tasks, and once it is the newest claim naming them — their new owner claimed them before this instance
    /// published its last claim, which the embedded cluster allows by handing a partition over before its old owner
    /// has acknowledged the revocation — every instance would send their keys here for good. During a rebalance its
    /// end publishes.
    /// </summary>
    private void RepublishClaim()
    {
        lock (_gate)
        {
            if (_state == KafkaStreamsState.Running)
            {
                PublishActiveTasks();
            }
        }
    }

    private void StopQueries(TimeSpan timeout)
    {
        _claims.Apply(_processId, null);
        // A static member's clean stop is a pause: the group keeps its tasks for it until its session times out. Its
        // published claim stays, so the standbys placed for its tasks stay, and queries for its keys fall back to them.
        _exchange?.Close(timeout, withdraw: _config.GroupInstanceId is null);
        _exchange?.Dispose();
    }
}
