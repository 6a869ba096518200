namespace StreamsApp.Topologies.Mission;

/// <summary>The parts of the mission's application; a worker runs any combination of them.</summary>
[Flags]
public enum MissionParts
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Order intake: validation, deduplication, dead-lettering (<c>orders.events</c> → <c>orders.accepted</c>).</summary>
    Intake = 1,

    /// <summary>Enrichment with customers and products (<c>orders.accepted</c> → <c>orders.enriched</c>).</summary>
    Enrichment = 2,

    /// <summary>The order saga orchestrator.</summary>
    Saga = 4,

    /// <summary>The inventory, payment and shipping participants.</summary>
    Participants = 8,

    /// <summary>The CQRS projections (<c>orders.enriched</c> and <c>saga.state</c> → the read models of <c>ProjectionStores</c>).</summary>
    Projections = 16,

    /// <summary>Every part.</summary>
    All = Intake | Enrichment | Saga | Participants | Projections,
}
