namespace StreamsApp.Streams.Runtime;

/// <summary>
/// Where a key of a store lives: the instance running the task of its partition, the instances keeping standby
/// replicas of it, and the partition.
/// </summary>
/// <param name="ActiveHost">
/// The owner's application server; for a global store, this instance's; <see cref="HostInfo.Unavailable"/> while no
/// instance claims the partition.
/// </param>
/// <param name="Partition">The key's partition; -1 for a global store or when unknown.</param>
public sealed record KeyQueryMetadata(HostInfo ActiveHost, int Partition)
{
    /// <summary>
    /// The application servers of the instances keeping a standby replica of the key's partition
    /// (<see cref="StreamsConfig.NumStandbyReplicas"/>), ordered. They answer queries with stale stores enabled
    /// (<see cref="State.StoreQueryParameters{TStore}.EnableStaleStores"/>), for instance while the owner is away.
    /// </summary>
    public IReadOnlyList<HostInfo> StandbyHosts { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(KeyQueryMetadata? other) =>
        other is not null && ActiveHost == other.ActiveHost && Partition == other.Partition && StandbyHosts.SequenceEqual(other.StandbyHosts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ActiveHost, Partition, StandbyHosts.Count);

    /// <summary>No instance claims the key's partition now (rebalancing, starting, or an unknown store): retry later.</summary>
    public static KeyQueryMetadata NotAvailable { get; } = new(HostInfo.Unavailable, -1);
}
