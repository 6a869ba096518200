using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>
/// Shares which instance runs which tasks without group user data (librdkafka has no pluggable assignor; decision
/// 0016): each instance publishes a claim — its application server and active tasks — to the one-partition
/// <c>&lt;application.id&gt;-query-hosts</c> topic, keyed by its process id, after every rebalance and a tombstone on
/// clean close (but for a static member, whose tasks wait for it); every instance follows the topic from the beginning on its own thread and keeps the latest claim per
/// process in <see cref="HostClaims"/>, ordered by offset. Claims are signed (<see cref="HostClaimFormat"/>); a record
/// that is not a claim this application signed (no key, a bad signature, garbage) is ignored with a warning and
/// counted in <c>query-host-claims-rejected-total</c>, so that writing to the topic can neither stop an instance nor
/// name an address to forward queries to.
/// </summary>
internal sealed class QueryHostsExchange : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private readonly string _topic;
    private readonly string _processId;
    private readonly byte[] _key;
    private readonly HostClaimFormat _format;
    private readonly Sensor _rejected;
    private readonly HostInfo _self;
    private readonly HostClaims _claims;
    private readonly ILogger _log;
    private readonly IProducer<byte[], byte[]?> _producer;
    private readonly IConsumer<byte[], byte[]?> _consumer;
    private readonly Thread _follower;
    private volatile bool _stopping;

    public QueryHostsExchange(StreamsConfig config, string processId, HostInfo self, HostClaims claims, StreamsMetrics metrics, ILogger log)
    {
        _topic = TopicName(config.ApplicationId);
        _processId = processId;
        _key = Encoding.UTF8.GetBytes(processId);
        _format = HostClaimFormat.For(config);
        _rejected = metrics.Sensor("query-host-claims-rejected-total", "stream-metrics", "client-id", $"{config.ApplicationId}-{processId}");
        _self = self;
        _claims = claims;
        _log = log;
        var clientId = $"{config.ApplicationId}-{processId}-query-hosts";
        var kafkaLog = new KafkaLogForwarder(log);
        _producer = new ProducerBuilder<byte[], byte[]?>(ClientConfigs.Producer(config, clientId, transactionalId: null))
            .SetLogHandler((_, message) => kafkaLog.Log(message))
            .Build();
        var consumerConfig = ClientConfigs.AssignedConsumer(config, clientId);
        consumerConfig.GroupId = $"{config.ApplicationId}-query-hosts";
        _consumer = new ConsumerBuilder<byte[], byte[]?>(consumerConfig).SetLogHandler((_, message) => kafkaLog.Log(message)).Build();
        _follower = new Thread(Follow) { IsBackground = true, Name = clientId };
    }

    /// <summary>The topic of an application's claims.</summary>
    public static string TopicName(string applicationId) => $"{applicationId}-query-hosts";

    /// <summary>Starts following the topic from its beginning.</summary>
    public void Start()
    {
        _consumer.Assign(new TopicPartitionOffset(_topic, 0, Offset.Beginning));
        _follower.Start();
    }

    /// <summary>Publishes this instance's active and standby tasks; returns at once (the send completes in the background).</summary>
    public void Publish(IReadOnlyCollection<TaskId> tasks, IReadOnlyCollection<TaskId> standbys)
    {
        QueryLog.Published(_log, _self, tasks, standbys);
        Send(_format.Serialize(_processId, _self, tasks, standbys));
    }

    /// <summary>
    /// Withdraws this instance's claim (a tombstone) when <paramref name="withdraw"/>, waits for every send, and stops
    /// following.
    /// </summary>
    public void Close(TimeSpan timeout, bool withdraw)
    {
        if (withdraw)
        {
            Send(null);
        }

        _producer.Flush(timeout);
        _stopping = true;
        if (_follower.IsAlive)
        {
            _follower.Join(timeout);
        }

        _consumer.Close();
    }

    public void Dispose()
    {
        _producer.Dispose();
        _consumer.Dispose();
    }

    private void Send(byte[]? value)
    {
        try
        {
            _producer.Produce(_topic, new Message<byte[], byte[]?> { Key = _key, Value = value }, report =>
            {
                if (report.Error.IsError)
                {
                    QueryLog.PublishFailed(_log, report.Error.Reason);
                }
            });
        }
        catch (KafkaException e)
        {
            QueryLog.PublishFailed(_log, e.Error.Reason);
        }
    }

    private void Follow()
    {
        while (!_stopping)
        {
            try
            {
                if (_consumer.Consume(PollTimeout) is { IsPartitionEOF: false } record)
                {
                    Apply(record);
                }
            }
            catch (ConsumeException e)
            {
                QueryLog.FollowFailed(_log, e.Error.Reason);
            }
        }
    }

    private void Apply(ConsumeResult<byte[], byte[]?> record)
    {
        if (record.Message.Key is not { } key)
        {
            Reject(record.Offset.Value, "it has no key (a claim is keyed by its process id)");
            return;
        }

        var processId = Encoding.UTF8.GetString(key);
        if (record.Message.Value is not { } value)
        {
            // A tombstone withdraws a claim; forging one can only make a host look absent, which queries retry.
            _claims.Apply(processId, null);
        }
        else if (_format.Deserialize(processId, value, record.Offset.Value, out var reason) is { } claim)
        {
            _claims.Apply(processId, claim);
        }
        else
        {
            Reject(record.Offset.Value, reason);
        }
    }

    private void Reject(long offset, string reason)
    {
        QueryLog.RejectedClaim(_log, offset, _topic, reason);
        _rejected.Increment();
    }
}
