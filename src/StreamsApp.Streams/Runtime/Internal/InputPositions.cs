using Confluent.Kafka;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Where a stream thread's newly assigned input partitions start: their committed offsets, read by the thread itself
/// and handed to the consumer with the assignment, as Kafka Streams positions its tasks. librdkafka, left to fetch
/// them, could start a partition without its committed offset: when an offset fetch answered "unstable" (a
/// transaction holding offsets was still open) and an older fetch's answer arrived after a new assignment, it logged
/// "Adding ... back to pending list because on-going transaction is blocking offset retrieval", then "Start consuming
/// ... at offset INVALID", and reset the partition to the beginning. Seen on Kafka 4.1 in about one run of six of
/// <c>RealBrokerKillTests</c>: under exactly-once the task counted every record again on top of its restored state.
/// Reading the committed offsets here waits until such a transaction is decided, as the consumer's committed-offset
/// call retries "unstable" answers. A partition without a committed offset starts where the user's
/// <c>auto.offset.reset</c> says (earliest by default).
/// </summary>
internal static class InputPositions
{
    /// <summary>The committed offset of each partition, or the reset policy's start where there is none.</summary>
    /// <param name="consumer">The main consumer, a member of the group.</param>
    /// <param name="partitions">The partitions to position.</param>
    /// <param name="config">The application's configuration: the user's reset policy and the transaction timeout.</param>
    public static List<TopicPartitionOffset> Read(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyCollection<TopicPartition> partitions, StreamsConfig config)
    {
        if (partitions.Count == 0)
        {
            return [];
        }

        // An open transaction holds the committed offsets back until it is decided: at most the transaction timeout.
        var committed = consumer.Committed(partitions, config.TransactionTimeout + TimeSpan.FromSeconds(30));
        return [.. committed.Select(c => new TopicPartitionOffset(c.TopicPartition, Resume(c.Offset, config)))];
    }

    /// <summary>Where a partition whose committed offset is <paramref name="committed"/> starts.</summary>
    public static Offset Resume(Offset committed, StreamsConfig config) =>
        !committed.IsSpecial ? committed
        : config.KafkaProperties.TryGetValue("auto.offset.reset", out var reset) && reset is "latest" or "largest" or "end" ? Offset.End
        : Offset.Beginning;
}
