namespace StreamsApp.Streams.Runtime;

/// <summary>Where a key of a store lives: the instance running the task of its partition, and the partition.</summary>
/// <param name="ActiveHost">The owner's application server; for a global store, this instance's.</param>
/// <param name="Partition">The key's partition; -1 for a global store or when unknown.</param>
public sealed record KeyQueryMetadata(HostInfo ActiveHost, int Partition)
{
    /// <summary>No instance claims the key's partition now (rebalancing, starting, or an unknown store): retry later.</summary>
    public static KeyQueryMetadata NotAvailable { get; } = new(HostInfo.Unavailable, -1);
}
