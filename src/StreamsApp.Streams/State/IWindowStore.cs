namespace StreamsApp.Streams.State;

/// <summary>
/// A store of values per key and window start, segmented by time and kept for a retention period, as Kafka
/// Streams' <c>WindowStore</c>. Stream time is the largest window start put so far; windows starting at or before
/// stream time minus retention are dropped, and puts for them are ignored (the DSL's windowed processors drop
/// such late records first, and count them, before they reach the store).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IWindowStore<TKey, TValue> : IStateStore, IReadOnlyWindowStore<TKey, TValue>
{
    /// <summary>Writes the value of a key in the window starting at <paramref name="windowStartMs"/>.</summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">
    /// The value. Null deletes the window's value, unless the store retains duplicates, where null is ignored (as
    /// in Kafka Streams): every put then adds an entry, and entries leave only with retention.
    /// </param>
    /// <param name="windowStartMs">The window start.</param>
    void Put(TKey key, TValue? value, long windowStartMs);
}

/// <summary>A window store whose values carry the timestamp of the record that wrote them (what the DSL uses).</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface ITimestampedWindowStore<TKey, TValue> : IWindowStore<TKey, ValueAndTimestamp<TValue>>
{
}
