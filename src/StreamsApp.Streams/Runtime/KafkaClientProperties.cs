namespace StreamsApp.Streams.Runtime;

/// <summary>
/// Scopes pass-through librdkafka properties to the clients they apply to, as Kafka Streams hands each client only
/// the configs it knows: a consumer setting such as <c>session.timeout.ms</c> given to a producer is ignored by
/// librdkafka with a warning at every start, and a producer setting given to a consumer likewise.
/// </summary>
/// <remarks>
/// Only properties librdkafka documents as consumer-only or producer-only are left out; anything else (security,
/// SASL, SSL, timeouts, and properties unknown here) reaches every client, so a misspelt key still fails loudly.
/// </remarks>
public static class KafkaClientProperties
{
    // librdkafka's CONFIGURATION.md, properties marked C (global and topic-level).
    private static readonly HashSet<string> ConsumerOnly = new(StringComparer.Ordinal)
    {
        "group.id", "group.instance.id", "partition.assignment.strategy", "session.timeout.ms", "heartbeat.interval.ms",
        "group.protocol.type", "group.protocol", "group.remote.assignor", "coordinator.query.interval.ms",
        "max.poll.interval.ms", "enable.auto.commit", "auto.commit.enable", "auto.commit.interval.ms",
        "enable.auto.offset.store", "queued.min.messages", "queued.max.messages.kbytes", "fetch.wait.max.ms",
        "fetch.queue.backoff.ms", "fetch.message.max.bytes", "max.partition.fetch.bytes", "fetch.max.bytes",
        "fetch.min.bytes", "fetch.error.backoff.ms", "offset.store.method", "offset.store.path",
        "offset.store.sync.interval.ms", "isolation.level", "enable.partition.eof", "check.crcs",
        "consume.callback.max.messages", "auto.offset.reset",
    };

    // Properties marked P.
    private static readonly HashSet<string> ProducerOnly = new(StringComparer.Ordinal)
    {
        "transactional.id", "transaction.timeout.ms", "enable.idempotence", "enable.gapless.guarantee",
        "queue.buffering.max.messages", "queue.buffering.max.kbytes", "queue.buffering.max.ms", "linger.ms",
        "message.send.max.retries", "retries", "queue.buffering.backpressure.threshold", "compression.codec",
        "compression.type", "compression.level", "batch.num.messages", "batch.size", "delivery.report.only.error",
        "sticky.partitioning.linger.ms", "request.required.acks", "acks", "request.timeout.ms", "message.timeout.ms",
        "delivery.timeout.ms", "queuing.strategy", "produce.offset.report", "partitioner",
    };

    /// <summary>The properties of <paramref name="properties"/> that apply to a client of <paramref name="kind"/>.</summary>
    /// <param name="properties">librdkafka properties meant for every client.</param>
    /// <param name="kind">The client they are for.</param>
    public static Dictionary<string, string> For(IEnumerable<KeyValuePair<string, string>> properties, KafkaClientKind kind)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var scoped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (AppliesTo(key, kind))
            {
                scoped[key] = value;
            }
        }

        return scoped;
    }

    /// <summary>Whether librdkafka applies <paramref name="key"/> to a client of <paramref name="kind"/>.</summary>
    /// <param name="key">A librdkafka property (or a Confluent.Kafka <c>dotnet.consumer.</c>/<c>dotnet.producer.</c> one).</param>
    /// <param name="kind">The client.</param>
    public static bool AppliesTo(string key, KafkaClientKind kind)
    {
        ArgumentNullException.ThrowIfNull(key);
        var consumerOnly = ConsumerOnly.Contains(key) || key.StartsWith("dotnet.consumer.", StringComparison.Ordinal);
        var producerOnly = ProducerOnly.Contains(key) || key.StartsWith("dotnet.producer.", StringComparison.Ordinal);
        return kind switch
        {
            KafkaClientKind.Consumer => !producerOnly,
            KafkaClientKind.Producer => !consumerOnly,
            _ => !consumerOnly && !producerOnly,
        };
    }
}
