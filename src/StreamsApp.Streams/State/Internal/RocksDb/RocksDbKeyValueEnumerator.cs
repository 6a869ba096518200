using RocksDbSharp;

namespace StreamsApp.Streams.State.Internal.RocksDb;

/// <summary>
/// One pass over a RocksDB store, over a native iterator, which reads a consistent view of the database as of its
/// creation. Bounds are checked here on the raw key bytes. Every native call takes the store's lock, so that a
/// store closing on another thread (which disposes open passes) never frees the native iterator mid-call.
/// </summary>
internal sealed class RocksDbKeyValueEnumerator : IKeyValueEnumerator<byte[], byte[]>
{
    private readonly RocksDbKeyValueStore _store;
    private readonly Iterator _native;
    private readonly ReadOptions _readOptions;
    private readonly bool _forward;
    private readonly byte[]? _lowerInclusive;
    private readonly byte[]? _upperInclusive;
    private readonly byte[]? _prefix;
    private KeyValue<byte[], byte[]> _current;
    private bool _hasCurrent;
    private byte[]? _nextKey;
    private bool _closed;

    /// <summary>
    /// Wraps a native iterator already positioned on the first candidate entry, and the read options holding its
    /// bounds, which must live as long as it. Called under the store's lock.
    /// </summary>
    internal RocksDbKeyValueEnumerator(
        RocksDbKeyValueStore store, Iterator native, ReadOptions readOptions, bool forward, byte[]? lowerInclusive, byte[]? upperInclusive, byte[]? prefix)
    {
        _store = store;
        _native = native;
        _readOptions = readOptions;
        _forward = forward;
        _lowerInclusive = lowerInclusive;
        _upperInclusive = upperInclusive;
        _prefix = prefix;
        _nextKey = ReadKeyInBounds();
    }

    /// <inheritdoc />
    public KeyValue<byte[], byte[]> Current =>
        _hasCurrent ? _current : throw new InvalidOperationException("The enumerator is not positioned on an entry.");

    /// <inheritdoc />
    public bool MoveNext()
    {
        lock (_store.Gate)
        {
            ThrowIfClosed();
            if (_nextKey is null)
            {
                _hasCurrent = false;
                return false;
            }

            _current = new KeyValue<byte[], byte[]>(_nextKey, _native.Value());
            _hasCurrent = true;
            if (_forward)
            {
                _native.Next();
            }
            else
            {
                _native.Prev();
            }

            _nextKey = ReadKeyInBounds();
            return true;
        }
    }

    /// <inheritdoc />
    public byte[] PeekNextKey()
    {
        lock (_store.Gate)
        {
            ThrowIfClosed();
            return _nextKey ?? throw new InvalidOperationException("The enumerator has no next entry.");
        }
    }

    /// <summary>Releases the native iterator (it pins memtables and files until then).</summary>
    public void Dispose()
    {
        lock (_store.Gate)
        {
            if (!_closed)
            {
                CloseNative();
                _store.ForgetEnumerator(this);
            }
        }
    }

    /// <summary>Releases the native iterator because the store is closing. Called under the store's lock.</summary>
    internal void CloseNative()
    {
        _closed = true;
        _nextKey = null;
        _native.Dispose();

        // The native iterator read its bounds from these options until now.
        GC.KeepAlive(_readOptions);
    }

    // The key under the native cursor when it is inside the bounds, else null (iteration ends).
    private byte[]? ReadKeyInBounds()
    {
        if (!_native.Valid())
        {
            // An invalid cursor means the end or a read error (e.g. corruption); this overload throws on the latter.
            Native.Instance.rocksdb_iter_get_error(_native.Handle);
            return null;
        }

        // Bounds are checked on the native key bytes, so the key that ends a range is never copied.
        var key = _native.GetKeySpan();
        var outOfBounds =
            (_upperInclusive is not null && key.SequenceCompareTo(_upperInclusive) > 0)
            || (_lowerInclusive is not null && key.SequenceCompareTo(_lowerInclusive) < 0)
            || (_prefix is not null && !key.StartsWith(_prefix));
        return outOfBounds ? null : key.ToArray();
    }

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new InvalidOperationException($"The enumerator of store '{_store.Name}' is closed.");
        }
    }
}
