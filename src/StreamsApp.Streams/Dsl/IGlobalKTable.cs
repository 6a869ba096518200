namespace StreamsApp.Streams.Dsl;

/// <summary>
/// A table replicated in full to every instance (Kafka Streams' <c>GlobalKTable</c>): read from all partitions of its
/// topic before and while the tasks process, and joinable from any stream without co-partitioning.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IGlobalKTable<TKey, TValue>
{
    /// <summary>The store name interactive queries use, or null when the store name was generated.</summary>
    string? QueryableStoreName { get; }
}
