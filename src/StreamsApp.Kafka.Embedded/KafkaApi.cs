namespace StreamsApp.Kafka.Embedded;

/// <summary>
/// Kafka protocol request types (API keys) that <see cref="EmbeddedKafkaCluster.PushRequestErrors"/> can fail and
/// <see cref="EmbeddedKafkaCluster.RemoveApi"/> can take away.
/// The values are the protocol's own keys.
/// </summary>
#pragma warning disable CA1028 // The protocol defines API keys as 16-bit integers; the enum mirrors that.
public enum KafkaApi : short
#pragma warning restore CA1028
{
    /// <summary>ProduceRequest.</summary>
    Produce = 0,

    /// <summary>FetchRequest.</summary>
    Fetch = 1,

    /// <summary>ListOffsetsRequest.</summary>
    ListOffsets = 2,

    /// <summary>MetadataRequest.</summary>
    Metadata = 3,

    /// <summary>OffsetCommitRequest.</summary>
    OffsetCommit = 8,

    /// <summary>OffsetFetchRequest.</summary>
    OffsetFetch = 9,

    /// <summary>FindCoordinatorRequest (group and transaction coordinators).</summary>
    FindCoordinator = 10,

    /// <summary>JoinGroupRequest.</summary>
    JoinGroup = 11,

    /// <summary>HeartbeatRequest.</summary>
    Heartbeat = 12,

    /// <summary>LeaveGroupRequest.</summary>
    LeaveGroup = 13,

    /// <summary>SyncGroupRequest.</summary>
    SyncGroup = 14,

    /// <summary>InitProducerIdRequest (idempotent and transactional producers).</summary>
    InitProducerId = 22,

    /// <summary>AddPartitionsToTxnRequest.</summary>
    AddPartitionsToTxn = 24,

    /// <summary>AddOffsetsToTxnRequest.</summary>
    AddOffsetsToTxn = 25,

    /// <summary>EndTxnRequest (commit or abort).</summary>
    EndTxn = 26,

    /// <summary>TxnOffsetCommitRequest.</summary>
    TxnOffsetCommit = 28,

    /// <summary>ConsumerGroupHeartbeatRequest: joining and staying in a consumer-protocol (KIP-848) group, Kafka 4.0 and later.</summary>
    ConsumerGroupHeartbeat = 68,
}
