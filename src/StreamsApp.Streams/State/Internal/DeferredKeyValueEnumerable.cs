namespace StreamsApp.Streams.State.Internal;

/// <summary>
/// A read whose every enumeration runs <paramref name="open"/> anew: for reads that are not on a record's path
/// (interactive queries, the test driver's views), where a delegate is simpler than a class of their own.
/// </summary>
internal sealed class DeferredKeyValueEnumerable<TKey, TValue>(Func<IKeyValueEnumerator<TKey, TValue>> open)
    : IKeyValueEnumerable<TKey, TValue>
{
    /// <inheritdoc />
    public IKeyValueEnumerator<TKey, TValue> GetEnumerator() => open();
}
