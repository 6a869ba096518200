namespace StreamsApp.Topologies.Projections;

/// <summary>How a projection's store is queried.</summary>
public enum ProjectionStoreKind
{
    /// <summary>A key-value store: one value per key (get, range, all).</summary>
    KeyValue,

    /// <summary>A window store: one value per key and window (fetch a key's windows in a time range).</summary>
    Window,
}
