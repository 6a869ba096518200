using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Orders;

/// <summary>
/// Reads the marks the intake keeps in a window store whose retention is the time to live: each id is remembered at
/// its record's timestamp, so old ids expire with the store's segments and need no purging punctuator.
/// </summary>
internal static class TtlMarks
{
    /// <summary>
    /// The mark of <paramref name="id"/> within one time to live of <paramref name="timestamp"/>, either way: a resent
    /// record may carry an earlier time than the first. The bounds exclude a mark exactly one TTL away, which the
    /// store's retention may already have dropped.
    /// </summary>
    public static bool TryFind<TValue>(IWindowStore<string, TValue> store, string id, long timestamp, long ttlMs, out TValue mark)
    {
        foreach (var (_, marked) in store.Fetch(id, timestamp - ttlMs + 1, timestamp + ttlMs - 1))
        {
            mark = marked;
            return true;
        }

        mark = default!;
        return false;
    }

    /// <summary>
    /// Whether the record being processed is the one a mark was made for, redelivered: at-least-once replays what
    /// followed the last commit after a crash, which may have kept the mark and lost what the record forwarded, so
    /// the redelivery is forwarded again rather than dropped as a duplicate.
    /// </summary>
    public static bool IsRedeliveryOf(long markedOffset, long? inputOffset) => inputOffset == markedOffset;
}
