using System.Buffers.Binary;
using System.Text;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// When each saga is next due (a store of its own, indexed by time): an unfinished saga at its deadline, to time out,
/// a compensating one at its compensation deadline, to ask again, a finished one at the end of its retention, to be
/// purged. Keys are the due time (8 bytes, big-endian) then the saga
/// id, so the store's key order is time order and the due entries are one range scan from the start: a scan costs
/// what is due, not what is stored (issue 15; the full scan took 541 ms at 64,000 stored sagas).
/// </summary>
/// <param name="store">The store (<see cref="SagaStores.ScheduleStore"/>).</param>
/// <param name="retention">How long a finished saga is kept after its last change.</param>
internal sealed class SagaSchedule(IKeyValueStore<byte[], byte[]> store, TimeSpan retention)
{
    private static readonly byte[] Marker = [1];

    /// <summary>Whether nothing is scheduled (a store written before the schedule existed, or no saga at all).</summary>
    public bool IsEmpty => !store.All().Any();

    /// <summary>
    /// When <paramref name="saga"/> is next due: its deadline while running forward, its compensation deadline while
    /// compensating (never, once it gave up asking), the end of its retention once finished.
    /// </summary>
    public DateTimeOffset DueAt(SagaState saga) =>
        saga.IsFinished() ? saga.UpdatedAt + retention
        : saga.Status == SagaStatus.COMPENSATING ? saga.CompensationDeadline ?? DateTimeOffset.MaxValue
        : saga.Deadline;

    /// <summary>Moves the saga's entry from where <paramref name="previous"/> had it (if any) to where <paramref name="current"/> needs it.</summary>
    public void Reschedule(SagaState? previous, SagaState current)
    {
        if (previous is not null)
        {
            Remove(DueAt(previous), previous.SagaId);
        }

        store.Put(Key(DueAt(current), current.SagaId), Marker);
    }

    /// <summary>Removes the entry of a saga due at <paramref name="at"/>.</summary>
    public void Remove(DateTimeOffset at, string sagaId) => store.Delete(Key(at, sagaId), out _);

    /// <summary>The entries due at or before <paramref name="now"/>, earliest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, string SagaId)> DueBy(DateTimeOffset now)
    {
        // Every key due by now sorts before the bare time one millisecond later; a key of that time is longer.
        var upper = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(upper, now.ToUnixTimeMilliseconds() + 1);
        return [.. store.Range(null, upper).Select(entry => (
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(entry.Key)),
            Encoding.UTF8.GetString(entry.Key.AsSpan(sizeof(long)))))];
    }

    private static byte[] Key(DateTimeOffset at, string sagaId)
    {
        var key = new byte[sizeof(long) + Encoding.UTF8.GetByteCount(sagaId)];
        BinaryPrimitives.WriteInt64BigEndian(key, at.ToUnixTimeMilliseconds());
        Encoding.UTF8.GetBytes(sagaId, key.AsSpan(sizeof(long)));
        return key;
    }
}
