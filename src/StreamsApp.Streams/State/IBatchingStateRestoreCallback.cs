namespace StreamsApp.Streams.State;

/// <summary>Replays changelog records into a store, a batch at a time (one RocksDB write batch per call).</summary>
public interface IBatchingStateRestoreCallback
{
    /// <summary>Applies the records in order; a null value deletes its key.</summary>
    /// <param name="records">Changelog records, in offset order.</param>
    void RestoreBatch(IReadOnlyList<ChangelogRecord> records);
}
