namespace StreamsApp.Streams.State;

/// <summary>
/// The kind of store an interactive query asks for, and the read-only view it gets; obtain one from
/// <see cref="QueryableStoreTypes"/>.
/// </summary>
/// <typeparam name="TStore">The read-only view the query gets.</typeparam>
public interface IQueryableStoreType<out TStore>
    where TStore : class
{
    /// <summary>Whether a store of the topology can be queried as <typeparamref name="TStore"/>.</summary>
    /// <param name="store">A store of the topology.</param>
    bool Accepts(IStateStore store);
}
