using RocksDbSharp;

namespace StreamsApp.Streams.State.Internal.RocksDb;

/// <summary>
/// The native memory every RocksDB store in the process shares, as Kafka Streams' bounded-memory
/// <c>RocksDBConfigSetter</c> recipe: one LRU block cache of <see cref="RocksDbConfig.TotalMemoryBytes"/>, and one
/// write-buffer manager that charges all memtables to that cache (up to
/// <see cref="RocksDbConfig.WriteBufferRatio"/> of it). Memory then stays bounded however many stores and tasks
/// the process opens. Instances live until the process exits: stores may open and close at any time, and RocksDB
/// holds its own references to both objects while a database uses them.
/// </summary>
internal sealed class RocksDbSharedMemory
{
    private static readonly Lock RegistryGate = new();

    // Keyed by the values that define the shared objects; per-store settings (memtable size and count) may differ
    // between configs that still share one cache.
    private static readonly Dictionary<(long TotalMemoryBytes, double WriteBufferRatio), RocksDbSharedMemory> Registry = [];

    private RocksDbSharedMemory(long totalMemoryBytes, double writeBufferRatio)
    {
        // Not strict: like Kafka Streams, a full cache evicts or briefly overshoots rather than failing reads.
        BlockCache = Cache.CreateLru((ulong)totalMemoryBytes);
        var writeBufferBytes = (nuint)(totalMemoryBytes * writeBufferRatio);

        // allow_stall = false: when memtables exceed their share, RocksDB flushes them instead of stalling writes.
        WriteBufferManager = Native.Instance.rocksdb_write_buffer_manager_create_with_cache(
            writeBufferBytes, BlockCache.Handle, 0);
    }

    /// <summary>The shared LRU block cache (index and filter blocks and memtables are charged to it too).</summary>
    public Cache BlockCache { get; }

    /// <summary>The native <c>rocksdb_write_buffer_manager_t*</c>, charged to <see cref="BlockCache"/>.</summary>
    public IntPtr WriteBufferManager { get; }

    /// <summary>The cache's capacity in bytes, as RocksDB reports it.</summary>
    public long BlockCacheCapacityBytes => (long)Native.Instance.rocksdb_cache_get_capacity(BlockCache.Handle);

    /// <summary>The bytes of block cache in use (blocks plus memtable reservations), as RocksDB reports it.</summary>
    public long BlockCacheUsageBytes => (long)Native.Instance.rocksdb_cache_get_usage(BlockCache.Handle);

    /// <summary>The memtable budget of the write-buffer manager in bytes, as RocksDB reports it.</summary>
    public long WriteBufferManagerBufferSizeBytes =>
        (long)Native.Instance.rocksdb_write_buffer_manager_buffer_size(WriteBufferManager);

    /// <summary>The bytes the write-buffer manager has reserved in the cache for memtables, as RocksDB reports it.</summary>
    public long MemtableBytesChargedToCache =>
        (long)Native.Instance.rocksdb_write_buffer_manager_dummy_entries_in_cache_usage(WriteBufferManager);

    /// <summary>True when the write-buffer manager charges memtables to the block cache, as RocksDB reports it.</summary>
    public bool WriteBufferManagerCostsToCache =>
        Native.Instance.rocksdb_write_buffer_manager_cost_to_cache(WriteBufferManager) != 0;

    /// <summary>Returns the process-wide instance for the configuration's memory bounds, creating it the first time.</summary>
    public static RocksDbSharedMemory For(RocksDbConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var key = (config.TotalMemoryBytes, config.WriteBufferRatio);
        lock (RegistryGate)
        {
            if (!Registry.TryGetValue(key, out var shared))
            {
                shared = new RocksDbSharedMemory(config.TotalMemoryBytes, config.WriteBufferRatio);
                Registry.Add(key, shared);
            }

            return shared;
        }
    }
}
