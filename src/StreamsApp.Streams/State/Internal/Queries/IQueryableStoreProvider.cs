namespace StreamsApp.Streams.State.Internal.Queries;

/// <summary>The local stores one interactive query may read (one store name, maybe one partition).</summary>
internal interface IQueryableStoreProvider
{
    /// <summary>
    /// Runs <paramref name="read"/> on each store the query may see, in task order, each under the lock of the
    /// thread that writes it; <paramref name="read"/> must finish its work (read passes over stores in full) inside.
    /// </summary>
    /// <exception cref="Errors.InvalidStateStoreException">No store can be read now; the subtype says why.</exception>
    List<T> Read<T>(Func<IStateStore, T> read);
}
