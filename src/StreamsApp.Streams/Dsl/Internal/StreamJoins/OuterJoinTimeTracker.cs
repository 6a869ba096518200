using System.Runtime.CompilerServices;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.StreamJoins;

/// <summary>
/// The earliest time of the records waiting in a left or outer join's shared outer store (Kafka Streams' shared time
/// tracker's min time), shared by the join's two processors of a task: a scan of the store costs a pass per record
/// (on RocksDB, a native iterator), and while stream time cannot close even the earliest waiting record, a scan would
/// emit nothing, so it is skipped.
/// </summary>
internal sealed class OuterJoinTimeTracker
{
    /// <summary>
    /// No waiting record is earlier than this; <see cref="long.MinValue"/> (unknown) from a start until a scan has
    /// read the store, which may hold records restored from its changelog.
    /// </summary>
    public long EarliestWaiting { get; private set; } = long.MinValue;

    /// <summary>The task's processors start: forget what the store held.</summary>
    public void Start() => EarliestWaiting = long.MinValue;

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
