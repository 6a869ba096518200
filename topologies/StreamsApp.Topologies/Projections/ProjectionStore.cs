namespace StreamsApp.Topologies.Projections;

/// <summary>A queryable store of a projection, as listed in <see cref="ProjectionStores.All"/>.</summary>
/// <param name="Name">The store name (what interactive queries ask for).</param>
/// <param name="Kind">Key-value or window store.</param>
/// <param name="KeyType">The key type (for a window store, the key within each window).</param>
/// <param name="ValueType">The value type: a read-model contract of <c>schemas/views</c>, or a projection's JSON record.</param>
/// <param name="Description">One line on what the store holds, keyed by what.</param>
public sealed record ProjectionStore(string Name, ProjectionStoreKind Kind, Type KeyType, Type ValueType, string Description);
