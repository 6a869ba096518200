namespace StreamsApp.Streams.State.Internal;

/// <summary>A byte-level key-value store that opens passes over a key range for <see cref="RangeScan"/>.</summary>
internal interface IRangeScanStore
{
    /// <summary>
    /// Opens a pass over the keys from <paramref name="from"/> to <paramref name="to"/> inclusive (null bounds are
    /// open; an inverted range has no entries), only those starting with <paramref name="prefix"/> when it is given.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store is not open.</exception>
    IKeyValueEnumerator<byte[], byte[]> OpenScan(byte[]? from, byte[]? to, bool forward, byte[]? prefix);
}
