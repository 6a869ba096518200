namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// A store whose cache can be flushed on its own. A commit flushes caches (so updates are forwarded and logged);
/// the costlier flush of the stores themselves (RocksDB memtables to disk) waits for a checkpoint.
/// </summary>
internal interface ICachingStateStore
{
    /// <summary>Writes the cache's dirty entries to the layers below and forwards them.</summary>
    void FlushCache();
}
