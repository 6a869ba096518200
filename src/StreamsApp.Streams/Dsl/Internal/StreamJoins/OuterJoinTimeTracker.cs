using System.Runtime.CompilerServices;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.StreamJoins;

/// <summary>
/// The times of a left or outer join, shared by its two processors of a task (Kafka Streams' shared time tracker):
/// the join's stream time, and the earliest time of the records waiting in its outer store. A scan of the store costs
/// a pass per record (on RocksDB, a native iterator), and while stream time cannot close even the earliest waiting
/// record, a scan would emit nothing, so it is skipped.
/// </summary>
internal sealed class OuterJoinTimeTracker
{
    /// <summary>
    /// The largest timestamp either side of the join saw, null keys and values included: waiting records close by
    /// it, not by the task's stream time, whose other inputs have nothing to do with the join (decision 0008).
    /// </summary>
    public long StreamTime { get; private set; } = long.MinValue;

    /// <summary>
    /// No waiting record is earlier than this; <see cref="long.MinValue"/> (unknown) from a start until a scan has
    /// read the store, which may hold records restored from its changelog.
    /// </summary>
    public long EarliestWaiting { get; private set; } = long.MinValue;

    /// <summary>The task's processors start: forget what the store held and the times seen.</summary>
    public void Start() => (EarliestWaiting, StreamTime) = (long.MinValue, long.MinValue);

    /// <summary>Either side of the join got a record at <paramref name="timestamp"/>.</summary>
    public void Saw(long timestamp) => StreamTime = Math.Max(StreamTime, timestamp);

    /// <summary>A record at <paramref name="timestamp"/> was put into the outer store.</summary>
    public void Waiting(long timestamp) => EarliestWaiting = Math.Min(EarliestWaiting, timestamp);

    /// <summary>A scan left the earliest record at <paramref name="timestamp"/> (<see cref="long.MaxValue"/>: none).</summary>
    public void Scanned(long timestamp) => EarliestWaiting = timestamp;
}

/// <summary>
/// A join's trackers, one per outer store instance: a task's two join processors get the same store instance, so
/// they share a tracker, while other tasks (and a restarted task, with new stores) get their own.
/// </summary>
internal sealed class OuterJoinTimeTrackers
{
    private readonly ConditionalWeakTable<IStateStore, OuterJoinTimeTracker> _byStore = new();

    public OuterJoinTimeTracker For(IStateStore outerStore) => _byStore.GetValue(outerStore, static _ => new OuterJoinTimeTracker());
}
