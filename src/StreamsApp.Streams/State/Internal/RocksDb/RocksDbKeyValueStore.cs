using System.Globalization;
using RocksDbSharp;
using StreamsApp.Streams.Errors;
using RocksDbHandle = RocksDbSharp.RocksDb;

namespace StreamsApp.Streams.State.Internal.RocksDb;

/// <summary>
/// A byte-level key-value store in its own RocksDB database at <c>&lt;task state dir&gt;/rocksdb/&lt;name&gt;</c>,
/// as Kafka Streams' <c>RocksDBStore</c>. Writes skip the write-ahead log: the changelog topic is the source of
/// truth, and RocksDB flushes memtables when the database closes. One lock serializes every native call (as Kafka
/// Streams' synchronized methods do), so interactive queries on other threads cannot race <see cref="Close"/>.
/// </summary>
internal sealed partial class RocksDbKeyValueStore : IKeyValueStore<byte[], byte[]>, IBatchingStateRestoreCallback, IRangeScanStore
{
    // No write-ahead log: the changelog topic restores whatever a crash loses, as in Kafka Streams.
    private readonly WriteOptions _writeOptions = new WriteOptions().DisableWal(1);
    private readonly FlushOptions _flushOptions = new FlushOptions().SetWaitForFlush(true);
    private readonly HashSet<RocksDbKeyValueEnumerator> _openEnumerators = [];
    private RocksDbHandle? _db;

    /// <summary>Creates an unopened store.</summary>
    public RocksDbKeyValueStore(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool Persistent => true;

    /// <inheritdoc />
    public bool IsOpen
    {
        get
        {
            lock (Gate)
            {
                return _db is not null;
            }
        }
    }

    /// <summary>RocksDB's estimate (<c>rocksdb.estimate-num-keys</c>): overwrites and deletes make it inexact.</summary>
    public long ApproximateNumEntries
    {
        get
        {
            lock (Gate)
            {
                var estimate = Db.GetProperty("rocksdb.estimate-num-keys");
                return long.TryParse(estimate, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            }
        }
    }

    /// <summary>RocksDB's estimate of the live data's size in bytes (<c>rocksdb.estimate-live-data-size</c>): table files only, not memtables.</summary>
    internal long EstimateLiveDataSize
    {
        get
        {
            lock (Gate)
            {
                var estimate = Db.GetProperty("rocksdb.estimate-live-data-size");
                return long.TryParse(estimate, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            }
        }
    }

    /// <summary>The database directory, set by <see cref="Init"/>.</summary>
    internal string? DbDirectory { get; private set; }

    /// <summary>The process-wide cache and write-buffer manager this store uses, set by <see cref="Init"/>.</summary>
    internal RocksDbSharedMemory? SharedMemory { get; private set; }

    /// <summary>Guards every native call; enumerators take it too.</summary>
    internal Lock Gate { get; } = new();

    private RocksDbHandle Db => _db ?? throw NotOpen();

    /// <inheritdoc />
    public void Init(IStateStoreContext context, IStateStore root)
    {
        ArgumentNullException.ThrowIfNull(context);
        Open(Path.Combine(context.StateDirectory, "rocksdb", Name), context.Config.RocksDb);
        context.Register(this, this);
    }

    /// <summary>
    /// Opens the database at <paramref name="directory"/> without registering it with a task: the segments of a
    /// window or session store open this way, and their store registers once for all of them.
    /// </summary>
    internal void Open(string directory, RocksDbConfig config)
    {
        lock (Gate)
        {
            if (_db is not null)
            {
                throw new InvalidOperationException($"Store '{Name}' is already open.");
            }

            var shared = RocksDbSharedMemory.For(config);
            Directory.CreateDirectory(directory);
            try
            {
                _db = RocksDbHandle.Open(RocksDbOptionsFactory.Create(config, shared), directory);
            }
            catch (RocksDbException e)
            {
                throw new StreamsException($"Error opening store '{Name}' at location {directory}", e);
            }

            SharedMemory = shared;
            DbDirectory = directory;
        }
    }

    /// <summary>Flushes the memtables to disk, waiting for the flush to finish.</summary>
    public void Flush()
    {
        lock (Gate)
        {
            Db.Flush(_flushOptions);
        }
    }

    /// <summary>Closes every open pass (its native iterator), then the database (which flushes unsaved memtables). Idempotent.</summary>
    public void Close()
    {
        lock (Gate)
        {
            if (_db is null)
            {
                return;
            }

            // A native iterator must not outlive its database: RocksDB would read freed memory.
            foreach (var enumerator in _openEnumerators)
            {
                enumerator.CloseNative();
            }

            _openEnumerators.Clear();
            _db.Dispose();
            _db = null;
        }
    }

    /// <inheritdoc />
    public bool TryGet(byte[] key, out byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (Gate)
        {
            value = Db.Get(key)!;
        }

        return value is not null;
    }

    /// <summary>Inserts or replaces a value; a null value deletes the key (Kafka Streams semantics).</summary>
    public void Put(byte[] key, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (Gate)
        {
            PutLocked(key, value);
        }
    }

    /// <inheritdoc />
    public bool PutIfAbsent(byte[] key, byte[]? value, out byte[] existing)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (Gate)
        {
            existing = Db.Get(key)!;
            if (existing is not null)
            {
                return false;
            }

            PutLocked(key, value);
            return true;
        }
    }

    /// <summary>Writes every entry in one write batch; null values delete.</summary>
    public void PutAll(IEnumerable<KeyValue<byte[], byte[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var batch = new WriteBatch();
        foreach (var (key, value) in entries)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(entries));
            AddToBatch(batch, key, value);
        }

        Write(batch);
    }

    /// <inheritdoc />
    public bool Delete(byte[] key, out byte[] oldValue)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (Gate)
        {
            oldValue = Db.Get(key)!;
            if (oldValue is null)
            {
                return false;
            }

            Db.Remove(key, null, _writeOptions);
            return true;
        }
    }

    /// <summary>Applies the whole batch as one RocksDB write batch, so a restore costs one write per batch.</summary>
    void IBatchingStateRestoreCallback.RestoreBatch(IReadOnlyList<ChangelogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var batch = new WriteBatch();
        for (var i = 0; i < records.Count; i++)
        {
            AddToBatch(batch, records[i].Key, records[i].Value);
        }

        Write(batch);
    }

    private void ThrowIfClosed()
    {
        lock (Gate)
        {
            if (_db is null)
            {
                throw NotOpen();
            }
        }
    }

    private InvalidOperationException NotOpen() => new($"Store '{Name}' is not open.");

    // Caller holds the lock.
    private void PutLocked(byte[] key, byte[]? value)
    {
        if (value is null)
        {
            Db.Remove(key, null, _writeOptions);
        }
        else
        {
            Db.Put(key, value, null, _writeOptions);
        }
    }

    private void Write(WriteBatch batch)
    {
        lock (Gate)
        {
            Db.Write(batch, _writeOptions);
        }
    }

    private static void AddToBatch(WriteBatch batch, byte[] key, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _ = value is null ? batch.Delete(key) : batch.Put(key, value);
    }
}
