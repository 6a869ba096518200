namespace StreamsApp.Streams;

/// <summary>The processing guarantee (Kafka Streams' <c>processing.guarantee</c>).</summary>
public enum ProcessingGuarantee
{
    /// <summary>Records may be processed again after a failure; output may repeat. Nothing is lost.</summary>
    AtLeastOnce,

    /// <summary>Exactly-once v2: one transactional producer per stream thread; offsets, changelogs and output commit together.</summary>
    ExactlyOnceV2,
}
