using System.Diagnostics;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;

namespace StreamsApp.Benchmarks.Runtime;

/// <summary>
/// Asks one instance for a sample of keys over and over, on its own thread, as an HTTP front end would for each
/// request: where a read fails (the store is rebalancing, restoring, or not here), the front end would answer 503.
/// It records, per round, when it ran and which keys failed, split into the instance's own keys and the others.
/// </summary>
internal sealed class KeyAvailability : IDisposable
{
    private static readonly StoreQueryParameters<IReadOnlyKeyValueStore<string, long>> Counts =
        StoreQueryParameters<IReadOnlyKeyValueStore<string, long>>.FromNameAndType(FailoverInstance.Store, QueryableStoreTypes.KeyValueStore<string, long>());

    private readonly KafkaStreams _streams;
    private readonly IReadOnlyList<(string Key, int Partition, bool Own)> _keys;
    private readonly List<Round> _rounds = [];
    private readonly Thread _thread;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile bool _stopping;

    /// <param name="streams">The instance asked.</param>
    /// <param name="keys">The keys, each with its partition and whether the instance owns it when asking starts.</param>
    public KeyAvailability(KafkaStreams streams, IReadOnlyList<(string Key, int Partition, bool Own)> keys)
    {
        _streams = streams;
        _keys = keys;
        _thread = new Thread(Ask) { IsBackground = true, Name = "key-availability" };
        _thread.Start();
    }

    /// <summary>Seconds since asking started.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>Whether the last round answered every key.</summary>
    public bool AllServed => Last is { OwnFailures: 0, OtherFailures: 0 };

    /// <summary>Whether the last round answered every key of the instance's own.</summary>
    public bool OwnServed => Last is { OwnFailures: 0 };

    private Round? Last
    {
        get
        {
            lock (_rounds)
            {
                return _rounds.Count > 0 ? _rounds[^1] : null;
            }
        }
    }

    /// <summary>Seconds from <paramref name="since"/> until the first round after the last one that failed a key; 0 when none failed.</summary>
    public double ServedAgainAfter(double since) => Span(since, r => r.OwnFailures + r.OtherFailures > 0);

    /// <summary>Seconds from <paramref name="since"/> during which rounds failed one of the instance's own keys.</summary>
    public double OwnKeysFailing(double since)
    {
        lock (_rounds)
        {
            var failing = 0.0;
            for (var i = 1; i < _rounds.Count; i++)
            {
                if (_rounds[i].At >= since && _rounds[i].OwnFailures > 0)
                {
                    failing += _rounds[i].At - _rounds[i - 1].At;
                }
            }

            return failing;
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private double Span(double since, Func<Round, bool> failed)
    {
        lock (_rounds)
        {
            var last = _rounds.FindLastIndex(r => r.At >= since && failed(r));
            return last < 0 ? 0 : (last + 1 < _rounds.Count ? _rounds[last + 1].At : _rounds[last].At) - since;
        }
    }

    private void Ask()
    {
        while (!_stopping)
        {
            int own = 0, other = 0;
            foreach (var (key, partition, isOwn) in _keys)
            {
                if (!Served(key, partition))
                {
                    if (isOwn)
                    {
                        own++;
                    }
                    else
                    {
                        other++;
                    }
                }
            }

            lock (_rounds)
            {
                _rounds.Add(new Round(Now, own, other));
            }

            Thread.Sleep(10);
        }
    }

    private bool Served(string key, int partition)
    {
        try
        {
            return _streams.Store(Counts.WithPartition(partition)).TryGet(key, out var count) && count > 0;
        }
        catch (InvalidStateStoreException)
        {
            return false;
        }
    }

    private sealed record Round(double At, int OwnFailures, int OtherFailures);
}
