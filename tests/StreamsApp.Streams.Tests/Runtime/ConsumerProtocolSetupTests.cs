using Microsoft.Extensions.Logging;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.TestApp;
using StreamsApp.Streams.Tests.ErrorHandling;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// The consumer group protocol is the default: a cluster that predates it fails the start with one message naming
/// the setting (librdkafka alone would retry silently for ever), and the client's session settings become the
/// group's, or a warning says which broker settings apply instead.
/// </summary>
public sealed class ConsumerProtocolSetupTests
{
    private const string App = "protocol-app";

    [Fact]
    public void The_consumer_protocol_is_the_default() => Assert.Equal(GroupProtocol.Consumer, new StreamsConfig().GroupProtocol);

    [Fact]
    public async Task A_broker_tells_whether_it_serves_the_consumer_protocol()
    {
        using var cluster = StartCluster();
        var before = await BrokerApiVersions.ReadAsync(cluster.BootstrapServers, WaitTimeout, CancellationToken.None);

        cluster.RemoveApi(KafkaApi.ConsumerGroupHeartbeat);
        var after = await BrokerApiVersions.ReadAsync(cluster.BootstrapServers, WaitTimeout, CancellationToken.None);

        Assert.Contains(BrokerApiVersions.ConsumerGroupHeartbeat, before!);
        Assert.Contains((short)KafkaApi.Fetch, after!);
        Assert.DoesNotContain(BrokerApiVersions.ConsumerGroupHeartbeat, after!);
    }

    [Fact]
    public async Task No_answer_is_no_verdict()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Null(await BrokerApiVersions.ReadAsync($"PLAINTEXT://127.0.0.1:{port}", TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task A_cluster_before_the_consumer_protocol_fails_the_start_naming_the_setting_and_classic_still_runs()
    {
        using var cluster = StartCluster();
        cluster.RemoveApi(KafkaApi.ConsumerGroupHeartbeat);
        cluster.CreateTopic(CountingTopology.Input(App), 1);
        cluster.CreateTopic(CountingTopology.Output(App), 1);
        using var dir = new TempDir();

        await using (var streams = new KafkaStreams(CountingTopology.Build(App), Config(cluster, App, dir.Path), Options(cluster)))
        {
            var error = await Assert.ThrowsAsync<StreamsConfigException>(() => streams.StartAsync());
            Assert.Contains("GroupProtocol is Consumer", error.Message, StringComparison.Ordinal);
            Assert.Contains("set GroupProtocol to Classic", error.Message, StringComparison.Ordinal);
        }

        var classic = Config(cluster, App, dir.Path);
        classic.GroupProtocol = GroupProtocol.Classic;
        await using var running = new KafkaStreams(CountingTopology.Build(App), classic, Options(cluster));
        await running.StartAsync();
        Produce(cluster, CountingTopology.Input(App), [("k", "word"), ("k", "word")]);
        var counts = Latest(ReadUntil(cluster, CountingTopology.Output(App), r => Latest(r, Int64).GetValueOrDefault("word") >= 2), Int64);
        Assert.Equal(2, counts["word"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_client_session_becomes_the_groups_or_a_warning_names_the_brokers_settings(bool adminSetsGroupConfigs)
    {
        using var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(App), 1);
        cluster.CreateTopic(CountingTopology.Output(App), 1);
        using var dir = new TempDir();
        var logs = new CapturingLoggerFactory();
        var admin = cluster.CreateTopicAdmin();
        var options = new KafkaStreamsOptions
        {
            TopicAdmin = adminSetsGroupConfigs ? admin : new ForwardingTopicAdmin(admin), LoggerFactory = logs, HandleShutdownSignals = false,
        };

        await using var streams = new KafkaStreams(CountingTopology.Build(App), Config(cluster, App, dir.Path), options);
        await streams.StartAsync();
        await streams.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);

        var lines = logs.Snapshot();
        var set = lines.Where(l => l.Id.Id == 225).ToList();
        var refused = lines.Where(l => l.Id.Id == 226).ToList();
        if (adminSetsGroupConfigs)
        {
            Assert.Contains("session timeout 6000 ms, heartbeat interval 500 ms", Assert.Single(set).Message, StringComparison.Ordinal);
            Assert.Empty(refused);
        }
        else
        {
            Assert.Empty(set);
            var warning = Assert.Single(refused);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains("group.consumer.session.timeout.ms", warning.Message, StringComparison.Ordinal);
        }
    }
}
