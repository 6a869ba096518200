using Confluent.Kafka;
using StreamsApp.Kafka.Embedded.Internal;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded;

/// <summary>
/// An in-process Kafka cluster for development and tests: librdkafka's mock cluster, which speaks the Kafka protocol
/// on 127.0.0.1 ports that any client (in this process or another) can use as <see cref="BootstrapServers"/>.
/// </summary>
/// <remarks>
/// A development cluster, not a broker: there is no admin API (use <see cref="CreateTopic"/> or
/// <see cref="CreateTopicAdmin"/>), no compaction or retention, offsets committed inside a transaction are not
/// stored, read_committed does not filter aborted records, and everything is lost when the cluster is disposed.
/// A producer asking for a missing topic auto-creates it with 4 partitions.
/// </remarks>
public sealed class EmbeddedKafkaCluster : IDisposable, IAsyncDisposable
{
    private readonly MockClusterHandle _handle;

    private EmbeddedKafkaCluster(MockClusterHandle handle, int brokerCount, string bootstrapServers)
    {
        _handle = handle;
        BrokerCount = brokerCount;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>The brokers' <c>127.0.0.1:port</c> list, for a client's <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>
    /// This cluster's id, new with every start: its data dies with it, so local state written against an earlier
    /// one must not be trusted (see <see cref="ITopicAdmin.GetClusterIdentityAsync"/>).
    /// </summary>
    public string ClusterId { get; } = "embedded-" + Guid.NewGuid().ToString("N");

    /// <summary>The number of brokers; their ids are 1 to <see cref="BrokerCount"/>.</summary>
    public int BrokerCount { get; }

    /// <summary>Starts a cluster, applies the options and creates <see cref="EmbeddedKafkaClusterOptions.Topics"/>.</summary>
    /// <param name="options">Broker count and topics; the defaults give one broker and no topics.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static EmbeddedKafkaCluster Start(EmbeddedKafkaClusterOptions? options = null)
    {
        options ??= new EmbeddedKafkaClusterOptions();
        options.Validate();
        var handle = MockClusterHandle.Create(options.BrokerCount, options.Logger);
        try
        {
            if (options.GroupInitialRebalanceDelay is { } delay)
            {
                NativeMethods.MockGroupInitialRebalanceDelayMs(handle, (int)delay.TotalMilliseconds);
            }

            if (options.ConsumerGroupSessionTimeout is { } session)
            {
                NativeMethods.MockSetGroupConsumerSessionTimeoutMs(handle, (int)session.TotalMilliseconds);
            }

            if (options.ConsumerGroupHeartbeatInterval is { } heartbeat)
            {
                NativeMethods.MockSetGroupConsumerHeartbeatIntervalMs(handle, (int)heartbeat.TotalMilliseconds);
            }

            var cluster = new EmbeddedKafkaCluster(handle, options.BrokerCount, handle.Bootstraps());
            foreach (var topic in options.Topics)
            {
                cluster.CreateTopic(topic.Name, topic.Partitions);
            }

            return cluster;
        }
        catch
        {
            // The handle is all a cluster owns.
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Creates a topic.</summary>
    /// <param name="name">A legal Kafka topic name.</param>
    /// <param name="partitions">At least 1.</param>
    /// <param name="replicationFactor">1 to <see cref="BrokerCount"/>.</param>
    /// <exception cref="KafkaException">The topic exists (<see cref="ErrorCode.TopicAlreadyExists"/>).</exception>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        if (!TryCreateTopic(name, partitions, replicationFactor))
        {
            throw new KafkaException(new Error(ErrorCode.TopicAlreadyExists, $"Topic '{name}' already exists."));
        }
    }

    /// <summary>Takes a broker down: it disconnects its clients and refuses connections. Leadership stays put.</summary>
    /// <param name="brokerId">1 to <see cref="BrokerCount"/>.</param>
    public void SetBrokerDown(int brokerId) =>
        ThrowOnError(NativeMethods.MockBrokerSetDown(_handle, CheckBroker(brokerId)), $"take broker {brokerId} down");

    /// <summary>Lets a broker that was taken down accept connections again.</summary>
    /// <param name="brokerId">1 to <see cref="BrokerCount"/>.</param>
    public void SetBrokerUp(int brokerId) =>
        ThrowOnError(NativeMethods.MockBrokerSetUp(_handle, CheckBroker(brokerId)), $"bring broker {brokerId} up");

    /// <summary>Delays every response of a broker by <paramref name="rtt"/>.</summary>
    /// <param name="brokerId">1 to <see cref="BrokerCount"/>.</param>
    /// <param name="rtt">Zero or more, in whole milliseconds.</param>
    public void SetBrokerRtt(int brokerId, TimeSpan rtt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rtt, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rtt, TimeSpan.FromMilliseconds(int.MaxValue));
        ThrowOnError(
            NativeMethods.MockBrokerSetRtt(_handle, CheckBroker(brokerId), (int)rtt.TotalMilliseconds),
            $"set the round-trip time of broker {brokerId}");
    }

    /// <summary>Moves a partition's leadership (the mock never moves it by itself, not even off a down broker).</summary>
    /// <param name="topic">The topic; created with default settings if it does not exist.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="brokerId">1 to <see cref="BrokerCount"/>, or -1 for no leader.</param>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        TopicNames.Validate(topic, nameof(topic));
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        if (brokerId != -1)
        {
            CheckBroker(brokerId);
        }

        ThrowOnError(
            NativeMethods.MockPartitionSetLeader(_handle, topic, partition, brokerId),
            $"make broker {brokerId} the leader of {topic}[{partition}]");
    }

    /// <summary>
    /// Makes the next <c>errors.Length</c> requests of type <paramref name="api"/> (to any broker) fail, in order,
    /// with the given errors. <see cref="ErrorCode.Local_Transport"/> disconnects the client instead.
    /// </summary>
    /// <param name="api">The request type.</param>
    /// <param name="errors">The errors, first one first.</param>
    public void PushRequestErrors(KafkaApi api, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Length > 0)
        {
            NativeMethods.MockPushRequestErrorsArray(
                _handle, (short)api, (nuint)errors.Length, Array.ConvertAll(errors, error => (int)error));
        }
    }

    /// <summary>
    /// Sets the error the cluster reports for a topic (<see cref="ErrorCode.NoError"/> clears it). librdkafka only
    /// applies it to Metadata and AddPartitionsToTxn responses.
    /// </summary>
    /// <param name="topic">The topic.</param>
    /// <param name="error">The error to report.</param>
    public void SetTopicError(string topic, ErrorCode error)
    {
        TopicNames.Validate(topic, nameof(topic));
        NativeMethods.MockTopicSetError(_handle, topic, (int)error);
    }

    /// <summary>
    /// Sets the session timeout and heartbeat interval of consumer-protocol groups (KIP-848), which a broker takes
    /// from its own configuration. The mock keeps one setting for every group; each member's next heartbeat applies it.
    /// </summary>
    /// <param name="sessionTimeout">The session timeout, or null to leave it.</param>
    /// <param name="heartbeatInterval">The heartbeat interval, or null to leave it.</param>
    public void SetConsumerGroupTimeouts(TimeSpan? sessionTimeout, TimeSpan? heartbeatInterval)
    {
        if (sessionTimeout is { } session)
        {
            NativeMethods.MockSetGroupConsumerSessionTimeoutMs(_handle, Milliseconds(session, nameof(sessionTimeout)));
        }

        if (heartbeatInterval is { } heartbeat)
        {
            NativeMethods.MockSetGroupConsumerHeartbeatIntervalMs(_handle, Milliseconds(heartbeat, nameof(heartbeatInterval)));
        }
    }

    private static int Milliseconds(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(1), name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMilliseconds(int.MaxValue), name);
        return (int)value.TotalMilliseconds;
    }

    /// <summary>
    /// Stops advertising <paramref name="api"/> in the brokers' ApiVersions answers, as a broker that predates it:
    /// clients then do not send it (a consumer-protocol member without <see cref="KafkaApi.ConsumerGroupHeartbeat"/>
    /// never joins).
    /// </summary>
    /// <param name="api">The request type.</param>
    public void RemoveApi(KafkaApi api) => NativeMethods.MockSetApiVersion(_handle, (short)api, -1, -1);

    /// <summary>The topic-administration seam of the runtime, backed by this cluster. Dispose it before the cluster.</summary>
    public ITopicAdmin CreateTopicAdmin() => new EmbeddedTopicAdmin(this);

    /// <summary>Stops the brokers and frees their ports; the cluster's data is gone.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Stops the brokers off the calling thread (closing joins the broker threads).</summary>
    public ValueTask DisposeAsync() => new(Task.Run(Dispose));

    /// <summary>Creates a topic unless it exists; false if it did.</summary>
    internal bool TryCreateTopic(string name, int partitions, int replicationFactor)
    {
        TopicNames.Validate(name, nameof(name));
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicationFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replicationFactor, BrokerCount);
        var error = (ErrorCode)NativeMethods.MockTopicCreate(_handle, name, partitions, replicationFactor);
        if (error == ErrorCode.TopicAlreadyExists)
        {
            return false;
        }

        ThrowOnError((int)error, $"create topic '{name}'");
        return true;
    }

    private static void ThrowOnError(int error, string action)
    {
        if (error != (int)ErrorCode.NoError)
        {
            throw new KafkaException(new Error((ErrorCode)error, $"The embedded cluster could not {action}."));
        }
    }

    private int CheckBroker(int brokerId)
    {
        if (brokerId < 1 || brokerId > BrokerCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(brokerId), brokerId, $"Broker ids run from 1 to {BrokerCount}.");
        }

        return brokerId;
    }
}
