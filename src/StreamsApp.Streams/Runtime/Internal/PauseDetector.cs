using System.Globalization;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Notices that a stream thread did not run for long enough that its group may have moved on without it. The process
/// was frozen (SIGSTOP, a suspended VM, a long GC) or a processor blocked, for half the session timeout or half the
/// poll interval: the group expires a member that misses heartbeats for a whole session timeout, and the consumer
/// leaves the group by itself when it is not polled for a whole poll interval. The thread's tasks may then belong to
/// another member already, and processing the records it buffered before the pause would write stale changelog and
/// output records after the new owner's. The thread checks its membership before it processes more (decision 0022).
/// </summary>
internal sealed class PauseDetector
{
    /// <summary>librdkafka's defaults of <c>session.timeout.ms</c> and <c>max.poll.interval.ms</c>.</summary>
    private const int DefaultSessionTimeoutMs = 45_000, DefaultMaxPollIntervalMs = 300_000;

    private readonly Func<long> _clock;
    private long _last;

    /// <param name="threshold">The gap after which the thread checks its membership.</param>
    /// <param name="milliseconds">
    /// The clock, in milliseconds: by default the coarse monotonic one, which runs on while the process is stopped
    /// and is cheap enough to read before every record.
    /// </param>
    public PauseDetector(TimeSpan threshold, Func<long>? milliseconds = null)
    {
        Threshold = threshold;
        _clock = milliseconds ?? (() => Environment.TickCount64);
        _last = _clock();
    }

    /// <summary>The gap after which the thread checks its membership.</summary>
    public TimeSpan Threshold { get; }

    /// <summary>Half the shorter of the session timeout and the poll interval the configuration gives the main consumer.</summary>
    public static TimeSpan ThresholdFor(StreamsConfig config) =>
        TimeSpan.FromMilliseconds(Math.Min(
            Milliseconds(config, "session.timeout.ms", DefaultSessionTimeoutMs),
            Milliseconds(config, "max.poll.interval.ms", DefaultMaxPollIntervalMs)) / 2.0);

    private static int Milliseconds(StreamsConfig config, string key, int fallback) =>
        config.KafkaProperties.TryGetValue(key, out var value)
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : fallback;

    /// <summary>Starts measuring from now, after work that may take long without being a pause.</summary>
    public void Restart() => _last = _clock();

    /// <summary>Whether the thread did not run for <see cref="Threshold"/> or more since the last call; returns the gap.</summary>
    public bool Paused(out TimeSpan gap)
    {
        var now = _clock();
        gap = TimeSpan.FromMilliseconds(now - _last);
        _last = now;
        return gap >= Threshold;
    }
}
