using StreamsApp.Streams.State.Internal.RocksDb;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Segments as RocksDB databases in <c>&lt;task state dir&gt;/rocksdb/&lt;store&gt;/&lt;segment name&gt;</c>, as Kafka
/// Streams' <c>KeyValueSegments</c>; they share the process-wide bounded memory of every RocksDB store.
/// </summary>
internal sealed class RocksDbSegmentFactory : ISegmentFactory
{
    private string? _root;
    private RocksDbConfig? _config;

    /// <inheritdoc />
    public bool Persistent => true;

    /// <summary>The directory holding the segments, set by <see cref="Init"/>.</summary>
    public string Root => _root ?? throw new InvalidOperationException("The segment factory is not initialized");

    /// <inheritdoc />
    public void Init(IStateStoreContext context, string storeName)
    {
        _root = Path.Combine(context.StateDirectory, "rocksdb", storeName);
        _config = context.Config.RocksDb;
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public IEnumerable<string> ExistingSegmentNames() =>
        Directory.EnumerateDirectories(Root).Select(d => Path.GetFileName(d)!);

    /// <inheritdoc />
    public IKeyValueStore<byte[], byte[]> Open(string segmentName)
    {
        var segment = new RocksDbKeyValueStore(segmentName);
        segment.Open(Path.Combine(Root, segmentName), _config!);
        return segment;
    }

    /// <summary>Closes the database, then deletes its directory.</summary>
    public void Destroy(IKeyValueStore<byte[], byte[]> segment)
    {
        segment.Close();
        var directory = ((RocksDbKeyValueStore)segment).DbDirectory;
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
