using Confluent.Kafka;

namespace StreamsApp.Streams.Runtime;

/// <summary>What one instance of the application hosts, as far as this instance knows.</summary>
/// <param name="HostInfo">The instance's application server.</param>
/// <param name="StateStoreNames">The stores of its active tasks, and every global store.</param>
/// <param name="TopicPartitions">The source partitions of its active tasks.</param>
public sealed record StreamsMetadata(HostInfo HostInfo, IReadOnlySet<string> StateStoreNames, IReadOnlySet<TopicPartition> TopicPartitions);
