using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Whether a stream thread's consumer reaches the cluster. It is lost when librdkafka reports every broker down
/// (<see cref="ErrorCode.Local_AllBrokersDown"/>), and found again when the consumer's statistics (every
/// <c>statistics.interval.ms</c>) show a broker up. Each change is logged once, so an outage reads as two lines,
/// whatever the client retries in between. Written on the thread's librdkafka callbacks, read by any thread.
/// </summary>
internal sealed class ClusterConnectivity(ILogger log, string threadName, TimeProvider time)
{
    private long _lostAt = -1;

    /// <summary>When the cluster was lost; null while it is reachable.</summary>
    public DateTimeOffset? LostSince => Interlocked.Read(ref _lostAt) is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Takes a client error: all brokers down means the cluster is lost.</summary>
    public void OnError(Error error)
    {
        if (error.Code == ErrorCode.Local_AllBrokersDown
            && Interlocked.CompareExchange(ref _lostAt, time.GetUtcNow().UtcTicks, -1) == -1)
        {
            RuntimeLog.ClusterLost(log, threadName, error.Reason);
        }
    }

    /// <summary>Takes the consumer's statistics: a broker in state <c>UP</c> means the cluster is back.</summary>
    public void OnStatistics(string json)
    {
        if (Interlocked.Read(ref _lostAt) < 0 || !AnyBrokerUp(json))
        {
            return;
        }

        var lostAt = Interlocked.Exchange(ref _lostAt, -1);
        if (lostAt >= 0)
        {
            var outage = time.GetUtcNow() - new DateTimeOffset(lostAt, TimeSpan.Zero);
            RuntimeLog.ClusterFound(log, threadName, outage.TotalSeconds);
        }
    }

    // The bootstrap entries (nodeid -1) stand for addresses, not brokers, and are left out.
    private static bool AnyBrokerUp(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("brokers", out var brokers))
        {
            return false;
        }

        foreach (var broker in brokers.EnumerateObject())
        {
            if (broker.Value.TryGetProperty("nodeid", out var id) && id.GetInt32() >= 0
                && broker.Value.TryGetProperty("state", out var state) && state.GetString() == "UP")
            {
                return true;
            }
        }

        return false;
    }
}
