using System.Collections;

namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// Scans segments one after another (each over the same key bounds, forward or backward) and yields the entries
/// the schema's filter accepts, as Kafka Streams' <c>SegmentIterator</c>. A segment's scan opens only when the
/// previous one is exhausted.
/// </summary>
internal sealed class SegmentIterator(
    IReadOnlyList<IKeyValueStore<byte[], byte[]>> segments,
    byte[]? lowerBound,
    byte[]? upperBound,
    bool forward,
    Func<byte[], bool> matches) : IKeyValueIterator<byte[], byte[]>
{
    private int _nextSegment;
    private IKeyValueIterator<byte[], byte[]>? _current;
    private KeyValue<byte[], byte[]>? _next;
    private KeyValue<byte[], byte[]>? _currentEntry;
    private bool _disposed;

    /// <inheritdoc />
    public KeyValue<byte[], byte[]> Current =>
        _currentEntry ?? throw new InvalidOperationException("The iterator is not positioned on an entry.");

    object IEnumerator.Current => Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        _currentEntry = Advance() ? _next : null;
        _next = null;
        return _currentEntry is not null;
    }

    /// <inheritdoc />
    public byte[] PeekNextKey() =>
        Advance() ? _next!.Value.Key : throw new InvalidOperationException("The iterator has no next entry.");

    /// <summary>Not supported: store iterators are forward-only.</summary>
    public void Reset() => throw new NotSupportedException("Store iterators cannot be reset.");

    /// <inheritdoc />
    public IEnumerator<KeyValue<byte[], byte[]>> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    /// <summary>Disposes the open segment scan.</summary>
    public void Dispose()
    {
        _disposed = true;
        _current?.Dispose();
        _current = null;
    }

    // Loads the next matching entry into _next unless one is there already; false at the end.
    private bool Advance()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_next is null)
        {
            if (_current is null)
            {
                if (_nextSegment >= segments.Count)
                {
                    return false;
                }

                var segment = segments[_nextSegment++];
                _current = forward ? segment.Range(lowerBound, upperBound) : segment.ReverseRange(lowerBound, upperBound);
            }

            if (!_current.MoveNext())
            {
                _current.Dispose();
                _current = null;
                continue;
            }

            if (matches(_current.Current.Key))
            {
                _next = _current.Current;
            }
        }

        return true;
    }
}
