using Confluent.Kafka;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

public sealed class ClientConfigsTests
{
    private static StreamsConfig Config(ProcessingGuarantee guarantee = ProcessingGuarantee.AtLeastOnce) => new()
    {
        ApplicationId = "app",
        BootstrapServers = "broker:9092",
        ProcessingGuarantee = guarantee,
        KafkaProperties = { ["security.protocol"] = "SASL_SSL", ["auto.offset.reset"] = "latest" },
    };

    [Theory]
    [InlineData(ProcessingGuarantee.AtLeastOnce, IsolationLevel.ReadUncommitted)]
    [InlineData(ProcessingGuarantee.ExactlyOnceV2, IsolationLevel.ReadCommitted)]
    public void The_restore_consumer_commits_nothing_and_reads_committed_records_only_under_exactly_once(
        ProcessingGuarantee guarantee, IsolationLevel isolation)
    {
        var consumer = ClientConfigs.RestoreConsumer(Config(guarantee), "app-thread-1-restore");

        Assert.Equal(isolation, consumer.IsolationLevel);
        Assert.False(consumer.EnableAutoCommit);
        Assert.Equal(AutoOffsetReset.Earliest, consumer.AutoOffsetReset);
        Assert.Equal("broker:9092", consumer.BootstrapServers);
        Assert.Equal("app-thread-1-restore", consumer.ClientId);
        Assert.NotEqual("app", consumer.GroupId);
        Assert.Equal("SASL_SSL", consumer.Get("security.protocol"));
        Assert.Equal(1_000_000, consumer.QueuedMinMessages);
        Assert.Equal("topic,timestamp", consumer.Get("dotnet.consumer.consume.result.fields"));
    }

    [Fact]
    public void The_main_consumer_joins_the_application_group_with_range_assignment_and_manual_commits_keeping_user_settings()
    {
        var config = Config();
        Assert.Equal(Streams.GroupProtocol.Consumer, config.GroupProtocol);
        config.KafkaProperties["session.timeout.ms"] = "6000";

        var consumer = ClientConfigs.MainConsumer(config, "app-thread-1", 1);

        Assert.Equal("app", consumer.GroupId);
        Assert.Equal(Confluent.Kafka.GroupProtocol.Consumer, consumer.GroupProtocol);
        Assert.Equal("range", consumer.GroupRemoteAssignor);
        Assert.Null(consumer.PartitionAssignmentStrategy);
        Assert.Null(consumer.Get("session.timeout.ms"));
        Assert.Null(consumer.GroupInstanceId);
        Assert.False(consumer.EnableAutoCommit);
        Assert.Equal(AutoOffsetReset.Latest, consumer.AutoOffsetReset);
        Assert.Equal("SASL_SSL", consumer.Get("security.protocol"));
    }

    [Fact]
    public void The_classic_protocol_keeps_the_eager_range_assignor_and_the_client_session_settings()
    {
        var config = Config();
        config.GroupProtocol = Streams.GroupProtocol.Classic;
        config.KafkaProperties["session.timeout.ms"] = "6000";

        var consumer = ClientConfigs.MainConsumer(config, "c", 1);

        Assert.Equal(Confluent.Kafka.GroupProtocol.Classic, consumer.GroupProtocol);
        Assert.Equal(PartitionAssignmentStrategy.Range, consumer.PartitionAssignmentStrategy);
        Assert.Null(consumer.GroupRemoteAssignor);
        Assert.Equal("6000", consumer.Get("session.timeout.ms"));
    }

    [Fact]
    public void Each_thread_of_a_static_member_joins_with_its_own_instance_id()
    {
        var config = Config();
        config.GroupInstanceId = "worker-0";

        Assert.Equal("worker-0-1", ClientConfigs.MainConsumer(config, "c", 1).GroupInstanceId);
        Assert.Equal("worker-0-2", ClientConfigs.MainConsumer(config, "c", 2).GroupInstanceId);
    }

    [Fact]
    public void Producers_partition_like_java_are_idempotent_and_transactional_only_under_exactly_once()
    {
        var plain = ClientConfigs.Producer(Config(), "p", transactionalId: null);
        var eos = Config(ProcessingGuarantee.ExactlyOnceV2);
        var transactional = ClientConfigs.Producer(eos, "p", "app-7c1e-1");
        eos.TransactionTimeout = TimeSpan.FromSeconds(25);
        var longer = ClientConfigs.Producer(eos, "p", "app-7c1e-1");

        Assert.Equal(Partitioner.Murmur2Random, plain.Partitioner);
        Assert.True(plain.EnableIdempotence);
        Assert.Null(plain.TransactionalId);
        Assert.Equal("app-7c1e-1", transactional.TransactionalId);
        Assert.Equal("SASL_SSL", transactional.Get("security.protocol"));

        // Kafka Streams' 10 s, not librdkafka's 60 s: a crashed instance's open transaction holds back its
        // partitions' committed data until the broker aborts it.
        Assert.Null(plain.TransactionTimeoutMs);
        Assert.Equal(10_000, transactional.TransactionTimeoutMs);
        Assert.Equal(25_000, longer.TransactionTimeoutMs);
    }

    [Fact]
    public void A_thread_s_transactional_id_is_the_application_the_process_and_the_thread_index()
    {
        Assert.Equal("orders-5b2c9f3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f-2",
            StreamThreadSetup.TransactionalId("orders", "5b2c9f3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f", 2));
    }

    [Theory]
    [InlineData(100, 10_000, null)]
    [InlineData(10_000, 10_000, "must be longer than CommitInterval")]
    [InlineData(100, 500, "must be from 1 s to 15 min")]
    [InlineData(100, 1_000_000, "must be from 1 s to 15 min")]
    public void The_transaction_timeout_is_validated_against_the_commit_interval(int commitMs, int timeoutMs, string? problem)
    {
        var config = Config(ProcessingGuarantee.ExactlyOnceV2);
        config.CommitInterval = TimeSpan.FromMilliseconds(commitMs);
        config.TransactionTimeout = TimeSpan.FromMilliseconds(timeoutMs);

        var error = Record.Exception(config.Validate);

        if (problem is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains("TransactionTimeout", Assert.IsType<Errors.StreamsConfigException>(error).Message, StringComparison.Ordinal);
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_transaction_timeout_is_not_a_pass_through_property()
    {
        var config = Config(ProcessingGuarantee.ExactlyOnceV2);
        config.KafkaProperties["transaction.timeout.ms"] = "60000";

        var error = Assert.Throws<Errors.StreamsConfigException>(config.Validate);

        Assert.Contains("KafkaProperties:transaction.timeout.ms is set by the runtime: set TransactionTimeout instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_the_runtime_owns_are_rejected_by_name()
    {
        var config = Config();
        config.KafkaProperties["group.id"] = "other";
        config.KafkaProperties["transactional.id"] = "mine";

        var error = Assert.Throws<Errors.StreamsConfigException>(config.Validate);

        Assert.Contains("KafkaProperties:group.id", error.Message, StringComparison.Ordinal);
        Assert.Contains("KafkaProperties:transactional.id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worker-1", null)]
    [InlineData("", "GroupInstanceId (group.instance.id) ''")]
    [InlineData("has space", "GroupInstanceId (group.instance.id) 'has space'")]
    public void A_static_instance_id_is_validated(string instanceId, string? problem)
    {
        var config = Config();
        config.GroupInstanceId = instanceId;
        config.KafkaProperties.Remove("security.protocol");

        var error = Record.Exception(config.Validate);

        if (problem is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(problem, Assert.IsType<Errors.StreamsConfigException>(error).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Group_settings_the_runtime_owns_are_rejected_by_name()
    {
        var config = Config();
        config.KafkaProperties["group.instance.id"] = "x";
        config.KafkaProperties["group.remote.assignor"] = "uniform";

        var error = Assert.Throws<Errors.StreamsConfigException>(config.Validate);

        Assert.Contains("KafkaProperties:group.instance.id", error.Message, StringComparison.Ordinal);
        Assert.Contains("KafkaProperties:group.remote.assignor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_client_gets_the_pass_through_properties_of_its_kind_and_every_other_one()
    {
        var config = Config();
        config.GroupProtocol = Streams.GroupProtocol.Classic;
        config.KafkaProperties["session.timeout.ms"] = "6000";
        config.KafkaProperties["heartbeat.interval.ms"] = "1000";
        config.KafkaProperties["linger.ms"] = "20";
        config.KafkaProperties["acks"] = "1";

        var consumer = ClientConfigs.MainConsumer(config, "c", 1);
        var restore = ClientConfigs.RestoreConsumer(config, "r");
        var producer = ClientConfigs.Producer(config, "p", transactionalId: null);
        var admin = ClientConfigs.Admin(config, "a");

        Assert.Equal("6000", consumer.Get("session.timeout.ms"));
        Assert.Equal("1000", restore.Get("heartbeat.interval.ms"));
        Assert.Null(consumer.Get("linger.ms"));
        Assert.Null(consumer.Get("acks"));
        Assert.Equal("20", producer.Get("linger.ms"));
        Assert.Equal("1", producer.Get("acks"));
        Assert.Null(producer.Get("session.timeout.ms"));
        Assert.Null(producer.Get("heartbeat.interval.ms"));
        Assert.Null(admin.Get("session.timeout.ms"));
        Assert.Null(admin.Get("linger.ms"));
        Assert.All([consumer, restore, producer, (ClientConfig)admin], client => Assert.Equal("SASL_SSL", client.Get("security.protocol")));
    }

    [Theory]
    [InlineData("dotnet.consumer.consume.result.fields", KafkaClientKind.Consumer, true)]
    [InlineData("dotnet.consumer.consume.result.fields", KafkaClientKind.Producer, false)]
    [InlineData("dotnet.producer.enable.delivery.reports", KafkaClientKind.Consumer, false)]
    [InlineData("dotnet.producer.enable.delivery.reports", KafkaClientKind.Producer, true)]
    [InlineData("sasl.mechanism", KafkaClientKind.Admin, true)]
    [InlineData("not.a.librdkafka.property", KafkaClientKind.Producer, true)]
    public void Confluent_s_client_prefixes_scope_a_property_and_unknown_keys_reach_every_client_so_librdkafka_names_them(
        string key, KafkaClientKind kind, bool applies) =>
        Assert.Equal(applies, KafkaClientProperties.AppliesTo(key, kind));
}
