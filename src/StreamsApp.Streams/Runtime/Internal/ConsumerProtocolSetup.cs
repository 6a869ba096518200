using System.Globalization;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// What <see cref="GroupProtocol.Consumer"/> needs before the threads join (decision 0023). The cluster must speak the
/// protocol: librdkafka retries a broker without ConsumerGroupHeartbeat silently for ever, so an old broker would
/// leave the application running with no tasks. And the client's <c>session.timeout.ms</c> and
/// <c>heartbeat.interval.ms</c>, which librdkafka refuses under this protocol, become the group's own settings.
/// </summary>
internal static class ConsumerProtocolSetup
{

    /// <summary>Checks the cluster and sets the group's timeouts; does nothing under the classic protocol.</summary>
    /// <exception cref="StreamsConfigException">The cluster does not speak the consumer group protocol.</exception>
    public static async Task ApplyAsync(StreamsConfig config, ITopicAdmin admin, ILogger log, CancellationToken cancellationToken)
    {
        if (config.GroupProtocol != GroupProtocol.Consumer)
        {
            return;
        }

        await EnsureSupportedAsync(config, log, cancellationToken).ConfigureAwait(false);
        await SetTimeoutsAsync(config, admin, log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the cluster only; does nothing under the classic protocol.</summary>
    /// <exception cref="StreamsConfigException">The cluster does not speak the consumer group protocol.</exception>
    public static async Task EnsureSupportedAsync(StreamsConfig config, ILogger log, CancellationToken cancellationToken)
    {
        if (config.GroupProtocol != GroupProtocol.Consumer)
        {
            return;
        }

        if (!BrokerApiVersions.CanAsk(config.KafkaProperties))
        {
            RuntimeLog.GroupProtocolUnchecked(log, config.KafkaProperties["security.protocol"]);
            return;
        }

        var apis = await BrokerApiVersions.ReadAsync(config.BootstrapServers, BrokerApiVersions.DefaultTimeout, cancellationToken).ConfigureAwait(false);
        if (apis is not null && !apis.Contains(BrokerApiVersions.ConsumerGroupHeartbeat))
        {
            throw new StreamsConfigException([
                $"{nameof(StreamsConfig.GroupProtocol)} is {GroupProtocol.Consumer}, but the cluster at {config.BootstrapServers} does not " +
                "speak the consumer group protocol (KIP-848, Kafka 4.0 or later: its brokers serve no ConsumerGroupHeartbeat); " +
                $"set {nameof(StreamsConfig.GroupProtocol)} to {GroupProtocol.Classic}",
            ]);
        }
    }

    private static async Task SetTimeoutsAsync(StreamsConfig config, ITopicAdmin admin, ILogger log, CancellationToken cancellationToken)
    {
        var session = Milliseconds(config, "session.timeout.ms");
        var heartbeat = Milliseconds(config, "heartbeat.interval.ms");
        if (session is null && heartbeat is null)
        {
            return;
        }

        var refusal = await admin.SetConsumerGroupTimeoutsAsync(config.ApplicationId, session, heartbeat, cancellationToken).ConfigureAwait(false);
        if (refusal is null)
        {
            RuntimeLog.GroupTimeoutsSet(log, config.ApplicationId, session?.TotalMilliseconds, heartbeat?.TotalMilliseconds);
        }
        else
        {
            RuntimeLog.GroupTimeoutsRefused(log, config.ApplicationId, refusal);
        }
    }

    private static TimeSpan? Milliseconds(StreamsConfig config, string key) =>
        config.KafkaProperties.TryGetValue(key, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;
}
