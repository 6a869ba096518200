using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State.Internal;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// The in-memory stores of tasks closed cleanly on this instance a moment ago, kept for the task's next owner here:
/// a stream thread taking the task over from this instance's standby, or a standby following a task that moved away.
/// Each store's contents (<see cref="IInMemoryDataLayer"/>) are kept with the offset of the last changelog record
/// they hold, as a checkpoint file keeps a RocksDB store's, so the next owner restores only what follows. A task that
/// does not come back within <see cref="HoldFor"/> loses them, since memory held for nobody is a leak.
/// </summary>
internal sealed class ParkedStores : IDisposable
{
    /// <summary>
    /// How long parked stores wait for their task: a hand-over between a standby and a stream thread of this instance
    /// takes a loop of each, and a task given back in the next rebalance comes within seconds.
    /// </summary>
    public static readonly TimeSpan DefaultHoldFor = TimeSpan.FromSeconds(30);

    private readonly Dictionary<TaskId, Parked> _parked = [];
    private readonly TimeProvider _time;
    private readonly ITimer _expiry;
    private bool _disposed;

    /// <param name="time">The clock of expiry.</param>
    /// <param name="holdFor">How long parked stores wait for their task.</param>
    public ParkedStores(TimeProvider? time = null, TimeSpan? holdFor = null)
    {
        _time = time ?? TimeProvider.System;
        HoldFor = holdFor ?? DefaultHoldFor;
        _expiry = _time.CreateTimer(_ => DropExpired(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How long parked stores wait for their task.</summary>
    public TimeSpan HoldFor { get; }

    /// <summary>The tasks with stores parked now.</summary>
    public int Count
    {
        get
        {
            lock (_parked)
            {
                return _parked.Count;
            }
        }
    }

    /// <summary>Keeps a task's stores (by store name) for its next owner here, replacing any parked before.</summary>
    public void Park(TaskId id, IReadOnlyDictionary<string, ParkedStore> stores)
    {
        lock (_parked)
        {
            if (_disposed || stores.Count == 0)
            {
                return;
            }

            var wasEmpty = _parked.Count == 0;
            _parked[id] = new Parked(stores, _time.GetTimestamp());
            if (wasEmpty)
            {
                _expiry.Change(HoldFor, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Takes the stores parked for a task (empty when none): they are the caller's now.</summary>
    public IReadOnlyDictionary<string, ParkedStore> Take(TaskId id)
    {
        lock (_parked)
        {
            return _parked.Remove(id, out var parked) && !Expired(parked) ? parked.Stores : new Dictionary<string, ParkedStore>();
        }
    }

    /// <summary>Drops the stores parked for a task (its state is wiped).</summary>
    public void Drop(TaskId id)
    {
        lock (_parked)
        {
            _parked.Remove(id);
        }
    }

    /// <summary>Drops everything parked and stops the expiry timer.</summary>
    public void Dispose()
    {
        lock (_parked)
        {
            _disposed = true;
            _parked.Clear();
        }

        _expiry.Dispose();
    }

    private bool Expired(Parked parked) => _time.GetElapsedTime(parked.Since) >= HoldFor;

    private void DropExpired()
    {
        lock (_parked)
        {
            // One reading of the clock for the check and the next due time: read twice, the time between could make
            // the wait negative, and a wait of -1 ms is Timeout.Infinite, which would never fire again.
            var now = _time.GetTimestamp();
            foreach (var (id, parked) in _parked.Where(p => _time.GetElapsedTime(p.Value.Since, now) >= HoldFor).ToList())
            {
                _parked.Remove(id);
            }

            if (_parked.Count > 0 && !_disposed)
            {
                // Fire again when the oldest left expires (at least a millisecond on).
                var wait = HoldFor - _time.GetElapsedTime(_parked.Values.Min(p => p.Since), now);
                _expiry.Change(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
            }
        }
    }

    private sealed record Parked(IReadOnlyDictionary<string, ParkedStore> Stores, long Since);
}

/// <summary>An in-memory store's contents and the offset, in its changelog, of the last record they hold.</summary>
/// <param name="Changelog">The store's changelog partition.</param>
/// <param name="Offset">The offset of the last changelog record the contents hold.</param>
/// <param name="Contents">What <see cref="IInMemoryDataLayer.DetachContents"/> gave.</param>
internal sealed record ParkedStore(TopicPartition Changelog, long Offset, object Contents);
