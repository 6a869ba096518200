namespace StreamsApp.Streams.State;

/// <summary>
/// A store of aggregates per key and session window, segmented by session end and kept for a retention period, as
/// Kafka Streams' <c>SessionStore</c>. Stream time is the largest session end put so far; sessions ending at or
/// before stream time minus retention are dropped, and puts for them are ignored.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
public interface ISessionStore<TKey, TAggregate> : IStateStore, IReadOnlySessionStore<TKey, TAggregate>
{
    /// <summary>Writes the aggregate of a session; a null aggregate removes the session.</summary>
    /// <param name="sessionKey">The key and its <see cref="SessionWindow"/>; the key must not be null.</param>
    /// <param name="aggregate">The aggregate.</param>
    void Put(Windowed<TKey> sessionKey, TAggregate? aggregate);

    /// <summary>Removes a session (its key and exact window).</summary>
    void Remove(Windowed<TKey> sessionKey);
}
