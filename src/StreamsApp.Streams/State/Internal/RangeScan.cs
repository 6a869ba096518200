namespace StreamsApp.Streams.State.Internal;

/// <summary>A range or prefix read of a byte-level store (RocksDB or in memory), opened anew at each enumeration.</summary>
internal sealed class RangeScan(IRangeScanStore store, byte[]? from, byte[]? to, bool forward, byte[]? prefix)
    : IKeyValueEnumerable<byte[], byte[]>
{
    /// <inheritdoc />
    public IKeyValueEnumerator<byte[], byte[]> GetEnumerator() => store.OpenScan(from, to, forward, prefix);
}
