namespace StreamsApp.Streams;

/// <summary>How the stream threads' consumer group rebalances (librdkafka's <c>group.protocol</c>).</summary>
public enum GroupProtocol
{
    /// <summary>
    /// The classic protocol with the eager range assignor, for brokers before 4.0: every rebalance revokes every
    /// partition first. The session timeout is the client's <c>session.timeout.ms</c>.
    /// </summary>
    Classic,

    /// <summary>
    /// KIP-848's consumer protocol, needing Kafka 4.0 or later: the group coordinator assigns with its <c>range</c>
    /// assignor, which gives partition p of every source topic to one member, and rebalances incrementally. A member
    /// keeps its tasks open and processing while others join or leave. The session timeout is the broker's
    /// (<c>group.consumer.session.timeout.ms</c>).
    /// </summary>
    Consumer,
}
