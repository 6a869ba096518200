namespace StreamsApp.Streams.State;

/// <summary>
/// Bounds RocksDB's memory for the whole process: every RocksDB store shares one block cache, and memtables are
/// charged to that cache through one write-buffer manager, so memory does not grow with the number of stores.
/// </summary>
public sealed class RocksDbConfig
{
    /// <summary>Total bytes for the shared block cache, memtables included. Default 64 MiB.</summary>
    public long TotalMemoryBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The part of <see cref="TotalMemoryBytes"/> memtables may use before flushing. Default 0.5.</summary>
    public double WriteBufferRatio { get; set; } = 0.5;

    /// <summary>The size of one memtable. Default 4 MiB.</summary>
    public long WriteBufferSizeBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Memtables per store before writes stall. Default 2.</summary>
    public int MaxWriteBufferNumber { get; set; } = 2;

    internal IEnumerable<string> Validate()
    {
        if (TotalMemoryBytes < 1024 * 1024)
        {
            yield return "RocksDb:TotalMemoryBytes must be at least 1048576 (1 MiB)";
        }

        if (WriteBufferRatio is <= 0 or >= 1)
        {
            yield return "RocksDb:WriteBufferRatio must be between 0 and 1 (exclusive)";
        }

        if (WriteBufferSizeBytes < 64 * 1024)
        {
            yield return "RocksDb:WriteBufferSizeBytes must be at least 65536";
        }

        if (MaxWriteBufferNumber < 1)
        {
            yield return "RocksDb:MaxWriteBufferNumber must be at least 1";
        }
    }
}
