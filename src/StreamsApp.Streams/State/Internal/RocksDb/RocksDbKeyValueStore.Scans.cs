using Confluent.Kafka;
using RocksDbSharp;

namespace StreamsApp.Streams.State.Internal.RocksDb;

/// <content>The read side: range, prefix and full scans, each pass over a tracked native iterator.</content>
internal sealed partial class RocksDbKeyValueStore
{
    /// <summary>The number of passes not yet disposed (each holds a native iterator).</summary>
    internal int OpenEnumeratorCount
    {
        get
        {
            lock (Gate)
            {
                return _openEnumerators.Count;
            }
        }
    }

    /// <summary>Inclusive range; a null bound is open; a lower bound above the upper one gives no entries.</summary>
    public IKeyValueEnumerable<byte[], byte[]> Range(byte[]? from, byte[]? to) => new RangeScan(this, from, to, forward: true, prefix: null);

    /// <summary>As <see cref="Range"/>, in descending key order.</summary>
    public IKeyValueEnumerable<byte[], byte[]> ReverseRange(byte[]? from, byte[]? to) => new RangeScan(this, from, to, forward: false, prefix: null);

    /// <inheritdoc />
    public IKeyValueEnumerable<byte[], byte[]> All() => new RangeScan(this, null, null, forward: true, prefix: null);

    /// <inheritdoc />
    public IKeyValueEnumerable<byte[], byte[]> ReverseAll() => new RangeScan(this, null, null, forward: false, prefix: null);

    /// <inheritdoc />
    public IKeyValueEnumerable<byte[], byte[]> PrefixScan<TPrefix>(TPrefix prefix, ISerializer<TPrefix> prefixSerializer)
    {
        var prefixBytes = KeyBytes.SerializePrefix(prefix, prefixSerializer);
        return new RangeScan(this, prefixBytes, null, forward: true, prefixBytes);
    }

    /// <summary>Stops tracking a disposed pass. Called under <see cref="Gate"/>.</summary>
    internal void ForgetEnumerator(RocksDbKeyValueEnumerator enumerator) => _openEnumerators.Remove(enumerator);

    /// <inheritdoc />
    public IKeyValueEnumerator<byte[], byte[]> OpenScan(byte[]? from, byte[]? to, bool forward, byte[]? prefix)
    {
        // Kafka Streams logs a warning for an inverted range and returns nothing; there is no logger at this layer.
        if (KeyBytes.IsInvertedRange(from, to))
        {
            ThrowIfClosed();
            return ArrayKeyValueEnumerator<byte[], byte[]>.Empty();
        }

        lock (Gate)
        {
            var readOptions = ScanBounds(from, to, prefix);
            var native = Db.NewIterator(readOptions: readOptions);
            if (forward)
            {
                _ = from is null ? native.SeekToFirst() : native.Seek(from);
            }
            else
            {
                // SeekForPrev lands on the largest key <= to.
                _ = to is null ? native.SeekToLast() : native.SeekForPrev(to);
            }

            RocksDbKeyValueEnumerator enumerator;
            try
            {
                enumerator = new RocksDbKeyValueEnumerator(this, native, readOptions, forward, from, to, prefix);
            }
            catch
            {
                // Reading the first key failed (e.g. corruption): the native iterator is not tracked yet.
                native.Dispose();
                throw;
            }

            _openEnumerators.Add(enumerator);
            return enumerator;
        }
    }

    /// <summary>
    /// The scan's bounds, given to RocksDB: without them, a scan that reaches the end of its range keeps skipping
    /// deleted entries up to the next live key, which in a segment whose sessions all moved on is every entry it has.
    /// </summary>
    private static ReadOptions ScanBounds(byte[]? from, byte[]? to, byte[]? prefix)
    {
        var options = new ReadOptions();
        if (from is not null)
        {
            options.SetIterateLowerBound(from);
        }

        // RocksDB's upper bound is exclusive: the smallest key after an inclusive one is that key followed by a zero byte.
        var upper = prefix is not null ? KeyBytes.NextPrefix(prefix) : to is null ? null : [.. to, (byte)0];
        if (upper is not null)
        {
            options.SetIterateUpperBound(upper);
        }

        return options;
    }
}
