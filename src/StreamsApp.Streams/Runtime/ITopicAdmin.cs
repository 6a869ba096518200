namespace StreamsApp.Streams.Runtime;

/// <summary>
/// The runtime's only view of topic administration: it looks up partition counts and creates internal topics at
/// start. Real clusters use Kafka's admin API; the embedded (mock) cluster has none, so it supplies its own.
/// </summary>
public interface ITopicAdmin : IDisposable
{
    /// <summary>The partition counts of those of <paramref name="topics"/> that exist; missing topics are absent.</summary>
    /// <param name="topics">Topic names.</param>
    /// <param name="cancellationToken">Stops waiting for the cluster.</param>
    /// <remarks>Must never create a topic as a side effect (a producer's metadata request may).</remarks>
    Task<IReadOnlyDictionary<string, int>> GetPartitionCountsAsync(
        IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default);

    /// <summary>Creates the topics that do not exist yet; existing topics are left as they are.</summary>
    /// <param name="topics">The topics to create.</param>
    /// <param name="cancellationToken">Stops waiting for the cluster.</param>
    Task CreateTopicsAsync(IReadOnlyCollection<TopicDefinition> topics, CancellationToken cancellationToken = default);

    /// <summary>
    /// Why exactly-once cannot work on this cluster, or null when it can. The embedded (mock) cluster does not store
    /// offsets committed inside transactions, so the runtime falls back to at-least-once there and logs this reason.
    /// </summary>
    string? ExactlyOnceUnsupportedReason => null;

    /// <summary>
    /// The cluster's id and the ids of those of <paramref name="topics"/> that exist, so that local state written
    /// against another cluster or a since recreated topic is wiped rather than trusted. Unknown by default.
    /// </summary>
    /// <param name="topics">The changelog and global topics whose stores keep local state.</param>
    /// <param name="cancellationToken">Stops waiting for the cluster.</param>
    Task<ClusterIdentity> GetClusterIdentityAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default) =>
        Task.FromResult(ClusterIdentity.Unknown);

    /// <summary>
    /// Gives consumer group <paramref name="groupId"/> its own session timeout and heartbeat interval. Under the
    /// consumer group protocol (KIP-848) the coordinator owns both: a broker reads them from the group's
    /// <c>consumer.session.timeout.ms</c> and <c>consumer.heartbeat.interval.ms</c>, within its own bounds. Returns
    /// null once applied, else why not; by default, not supported.
    /// </summary>
    /// <param name="groupId">The application id.</param>
    /// <param name="sessionTimeout">The session timeout, or null to leave it.</param>
    /// <param name="heartbeatInterval">The heartbeat interval, or null to leave it.</param>
    /// <param name="cancellationToken">Stops waiting for the cluster.</param>
    Task<string?> SetConsumerGroupTimeoutsAsync(
        string groupId, TimeSpan? sessionTimeout, TimeSpan? heartbeatInterval, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>("this cluster's topic administration cannot set group configs");
}
