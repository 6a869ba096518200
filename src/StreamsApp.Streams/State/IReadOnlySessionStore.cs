namespace StreamsApp.Streams.State;

/// <summary>
/// The read side of a session store: what interactive queries may use. Sessions are closed windows
/// <c>[start, end]</c>. Forward iteration goes through the store's time segments (by session end) in ascending
/// time, and within one segment in serialized store-key order (key bytes, then end, then start); backward
/// iteration is the exact reverse. Reads return an <see cref="IKeyValueEnumerable{TKey, TValue}"/>: nothing is read
/// until it is enumerated, and each enumeration is a new pass over the store.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
public interface IReadOnlySessionStore<TKey, TAggregate>
{
    /// <summary>
    /// The sessions of a key that overlap <c>[earliestSessionEndMs, latestSessionStartMs]</c>: a session
    /// <c>[s, e]</c> is found when <c>e &gt;= earliestSessionEndMs</c> and <c>s &lt;= latestSessionStartMs</c>.
    /// </summary>
    IKeyValueEnumerable<Windowed<TKey>, TAggregate> FindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs);

    /// <summary>As <see cref="FindSessions(TKey, long, long)"/>, in reverse order.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey key, long earliestSessionEndMs, long latestSessionStartMs);

    /// <summary>As <see cref="FindSessions(TKey, long, long)"/> for keys from <paramref name="keyFrom"/> to <paramref name="keyTo"/> (inclusive; null is open).</summary>
    IKeyValueEnumerable<Windowed<TKey>, TAggregate> FindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs);

    /// <summary>As <see cref="FindSessions(TKey, TKey, long, long)"/>, in reverse order.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFindSessions(TKey? keyFrom, TKey? keyTo, long earliestSessionEndMs, long latestSessionStartMs);

    /// <summary>Every session of a key still in retention.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TAggregate> Fetch(TKey key);

    /// <summary>As <see cref="Fetch(TKey)"/>, in reverse order.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFetch(TKey key);

    /// <summary>Every session of keys from <paramref name="keyFrom"/> to <paramref name="keyTo"/> (inclusive; null is open).</summary>
    IKeyValueEnumerable<Windowed<TKey>, TAggregate> Fetch(TKey? keyFrom, TKey? keyTo);

    /// <summary>As <see cref="Fetch(TKey, TKey)"/>, in reverse order.</summary>
    IKeyValueEnumerable<Windowed<TKey>, TAggregate> BackwardFetch(TKey? keyFrom, TKey? keyTo);

    /// <summary>Looks up the aggregate of exactly the session <c>[startMs, endMs]</c> of a key.</summary>
    bool TryFetchSession(TKey key, long startMs, long endMs, out TAggregate aggregate);
}
