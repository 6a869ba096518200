namespace StreamsApp.Streams.Runtime;

/// <summary>
/// What identifies a cluster and its topics beyond their names: the cluster id, and each topic's id, which changes
/// when a topic is deleted and created again under the same name. The runtime records it in the state directory and
/// wipes local state written against another cluster or against a topic that was recreated since.
/// </summary>
/// <param name="ClusterId">The cluster's id; null when the cluster does not tell it.</param>
/// <param name="TopicIds">Topic name → topic id, for the topics whose id the cluster tells.</param>
public sealed record ClusterIdentity(string? ClusterId, IReadOnlyDictionary<string, Guid> TopicIds)
{
    /// <summary>Nothing known: no state is wiped for want of an identity.</summary>
    public static ClusterIdentity Unknown { get; } = new(null, new Dictionary<string, Guid>());
}
