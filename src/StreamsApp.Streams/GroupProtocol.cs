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
    /// keeps its tasks open and processing while others join or leave. The session timeout and heartbeat interval
    /// are the group's: the client's <c>session.timeout.ms</c> and <c>heartbeat.interval.ms</c>, when given, are set
    /// as the group's configs at start, within the broker's bounds (<c>group.consumer.min.session.timeout.ms</c>);
    /// otherwise the broker's <c>group.consumer.session.timeout.ms</c> applies. The default.
    /// </summary>
    Consumer,
}
