namespace StreamsApp.Streams.State.Internal.Segmented;

/// <summary>
/// One pass over segments one after another (each over the same key bounds, forward or backward), yielding the
/// entries within the query's key and time ranges in the schema's sense, as Kafka Streams' <c>SegmentIterator</c>. A
/// segment's pass opens only when the previous one is exhausted.
/// </summary>
internal sealed class SegmentEnumerator : IKeyValueEnumerator<byte[], byte[]>
{
    private readonly IReadOnlyList<IKeyValueStore<byte[], byte[]>> _segments;
    private readonly SegmentedKeySchema _schema;
    private readonly byte[]? _keyFrom;
    private readonly byte[]? _keyTo;
    private readonly long _timeFrom;
    private readonly long _timeTo;
    private readonly bool _forward;
    private readonly byte[]? _lowerBound;
    private readonly byte[]? _upperBound;
    private int _nextSegment;
    private IKeyValueEnumerator<byte[], byte[]>? _current;
    private KeyValue<byte[], byte[]>? _next;
    private KeyValue<byte[], byte[]>? _currentEntry;
    private bool _disposed;

    /// <summary>Enumerates the entries of <paramref name="segments"/> (in the order given) that the query matches.</summary>
    public SegmentEnumerator(
        IReadOnlyList<IKeyValueStore<byte[], byte[]>> segments, SegmentedKeySchema schema, byte[]? keyFrom, byte[]? keyTo, long timeFrom, long timeTo, bool forward)
    {
        _segments = segments;
        _schema = schema;
        _keyFrom = keyFrom;
        _keyTo = keyTo;
        _timeFrom = timeFrom;
        _timeTo = timeTo;
        _forward = forward;
        _lowerBound = schema.LowerBound(keyFrom, keyTo, timeFrom);
        _upperBound = schema.UpperBound(keyFrom, keyTo, timeTo);
    }

    /// <inheritdoc />
    public KeyValue<byte[], byte[]> Current =>
        _currentEntry ?? throw new InvalidOperationException("The enumerator is not positioned on an entry.");

    /// <inheritdoc />
    public bool MoveNext()
    {
        _currentEntry = Advance() ? _next : null;
        _next = null;
        return _currentEntry is not null;
    }

    /// <inheritdoc />
    public byte[] PeekNextKey() =>
        Advance() ? _next!.Value.Key : throw new InvalidOperationException("The enumerator has no next entry.");

    /// <summary>Disposes the open segment's pass.</summary>
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
                if (_nextSegment >= _segments.Count)
                {
                    return false;
                }

                var segment = _segments[_nextSegment++];
                _current = (_forward ? segment.Range(_lowerBound, _upperBound) : segment.ReverseRange(_lowerBound, _upperBound)).GetEnumerator();
            }

            if (!_current.MoveNext())
            {
                _current.Dispose();
                _current = null;
                continue;
            }

            if (_schema.Matches(_current.Current.Key, _keyFrom, _keyTo, _timeFrom, _timeTo))
            {
                _next = _current.Current;
            }
        }

        return true;
    }
}
