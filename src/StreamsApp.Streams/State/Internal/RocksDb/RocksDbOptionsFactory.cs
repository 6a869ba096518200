using RocksDbSharp;

namespace StreamsApp.Streams.State.Internal.RocksDb;

/// <summary>Builds the options one RocksDB store opens with: bounded memory through <see cref="RocksDbSharedMemory"/>.</summary>
internal static class RocksDbOptionsFactory
{
    // Kafka Streams' default: a full Bloom filter of 10 bits per key, so point lookups skip files without the key.
    private const int BloomBitsPerKey = 10;

    /// <summary>Creates database options for one store.</summary>
    /// <param name="config">Memtable sizes for this store.</param>
    /// <param name="shared">The process-wide cache and write-buffer manager.</param>
    public static DbOptions Create(RocksDbConfig config, RocksDbSharedMemory shared)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(shared);

        // Index and filter blocks go into the shared cache too; otherwise they live outside it, unbounded, one set
        // per open file. Pinning L0's keeps the hottest ones from being evicted by data blocks.
        var table = new BlockBasedTableOptions()
            .SetBlockCache(shared.BlockCache)
            .SetCacheIndexAndFilterBlocks(true)
            .SetPinL0FilterAndIndexBlocksInCache(true)
            .SetFilterPolicy(BloomFilterPolicy.Create(BloomBitsPerKey, false));

        var options = new DbOptions()
            .SetCreateIfMissing(true)
            .SetWriteBufferSize((ulong)config.WriteBufferSizeBytes)
            .SetMaxWriteBufferNumber(config.MaxWriteBufferNumber)
            .SetBlockBasedTableFactory(table);

        // RocksDbSharp has no wrapper for this setter; the binding's native table does.
        Native.Instance.rocksdb_options_set_write_buffer_manager(options.Handle, shared.WriteBufferManager);
        return options;
    }
}
