using Confluent.Kafka;
using StreamsApp.Streams.Runtime;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;
using static StreamsApp.Streams.Tests.Runtime.Queries.QueryTopology;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

public sealed class QueryMetadataTests
{
    private static readonly HostInfo HostA = new("host-a", 1001);
    private static readonly HostInfo HostB = new("host-b", 1002);
    private static readonly string[] Keys = [.. Enumerable.Range(0, 40).Select(i => $"k{i}")];

    [Fact]
    public async Task Two_instances_agree_on_each_key_owner_and_the_survivor_owns_every_key_after_the_other_closes()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic(Input, 4);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        await using var a = Instance(cluster, dirA, HostA);
        await using var b = Instance(cluster, dirB, HostB);
        await a.StartAsync();
        await b.StartAsync();

        // Records produced once both run their tasks: no rebalance reprocesses them (at-least-once would count twice).
        await WaitUntil(() => a.MetadataForAllStreamsClients().Count == 2 && b.MetadataForAllStreamsClients().Count == 2);
        Produce(cluster, Input, Keys.Select(k => (k, "x")));

        // Both agree on an owner for every key, and that owner's store has counted it.
        await WaitUntil(() => Keys.All(k => OwnerOf(a, k) is var owner && owner != KeyQueryMetadata.NotAvailable
            && owner == OwnerOf(b, k) && CountOf(owner.ActiveHost == HostA ? a : b, k, owner.Partition) == 1));

        foreach (var key in Keys)
        {
            var owner = OwnerOf(a, key);
            var other = owner.ActiveHost == HostA ? b : a;
            Assert.False(other.Store(CountsStore).TryGet(key, out _));
        }

        var hosts = a.StreamsMetadataForStore(Counts);
        Assert.Equal([HostA, HostB], hosts.Select(m => m.HostInfo));
        Assert.Equal(4, hosts.SelectMany(m => m.TopicPartitions).Distinct().Count());
        Assert.All(hosts, m => Assert.Contains(WindowedCounts, m.StateStoreNames));
        Assert.Equal(hosts, b.MetadataForAllStreamsClients(), new MetadataComparer());
        Assert.Empty(a.StreamsMetadataForStore("nope"));

        // Both committed every record before one leaves. A commit that races the rebalance is retried at the
        // revocation, which a broker accepts from the current generation but the mock cluster refuses while members
        // rejoin; the survivor would then count its uncommitted records again (at-least-once).
        using var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "iq-hosts" }).Build();
        var partitions = Enumerable.Range(0, 4).Select(p => new TopicPartition(Input, p)).ToList();
        await WaitUntil(() => probe.Committed(partitions, WaitTimeout).Sum(o => o.Offset.Value) == Keys.Length);
        await b.CloseAsync();

        // The closing instance's stores move to the survivor through their changelogs: no record is counted twice.
        await WaitUntil(() => Keys.All(k => OwnerOf(a, k).ActiveHost == HostA && CountOf(a, k) == 1));
        Assert.Equal([HostA], a.MetadataForAllStreamsClients().Select(m => m.HostInfo));
    }

    [Fact]
    public async Task After_a_kill_the_survivor_names_itself_the_owner_of_every_key_as_soon_as_it_runs_them()
    {
        const string App = "iq-owner-kill";
        using var cluster = StartCluster();
        cluster.CreateTopic(TestApp.CountingTopology.Input(App), 2);
        cluster.CreateTopic(TestApp.CountingTopology.Output(App), 2);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var config = Config(cluster, App, dirA.Path);
        config.ApplicationServer = HostA.ToString();
        await using var survivor = new KafkaStreams(TestApp.CountingTopology.Build(App), config, Options(cluster));

        // Checked the moment the survivor runs every task again, before its claim can have come back from the topic.
        var ownersWhenRunning = new System.Collections.Concurrent.ConcurrentQueue<HostInfo>();
        survivor.StateChanged += (_, e) =>
        {
            if (e.NewState == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == 4)
            {
                foreach (var word in Enumerable.Range(0, 10).Select(i => $"w{i}"))
                {
                    ownersWhenRunning.Enqueue(survivor.QueryMetadataForKey(TestApp.CountingTopology.Store, word, StreamsApp.Streams.Serialization.Serdes.String().Serializer).ActiveHost);
                }
            }
        };
        await survivor.StartAsync();
        await WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == 4);
        using var victim = new WorkerProcess(
            cluster.BootstrapServers, App, dirB.Path, ProcessingGuarantee.AtLeastOnce, $"--application-server={HostB}", "session.timeout.ms=6000", "heartbeat.interval.ms=500");
        await victim.Running.WaitAsync(WaitTimeout);
        await WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count < 4
            && survivor.MetadataForAllStreamsClients().Any(m => m.HostInfo == HostB));
        ownersWhenRunning.Clear();

        victim.Kill();
        await WaitUntil(() => !ownersWhenRunning.IsEmpty);

        Assert.All(ownersWhenRunning, owner => Assert.Equal(HostA, owner));
    }

    private static KafkaStreams Instance(Kafka.Embedded.EmbeddedKafkaCluster cluster, TempDir dir, HostInfo host)
    {
        var config = Config(cluster, "iq-hosts", dir.Path);
        config.ApplicationServer = host.ToString();
        return new KafkaStreams(Build(), config, Options(cluster));
    }

    private sealed class MetadataComparer : IEqualityComparer<StreamsMetadata>
    {
        public bool Equals(StreamsMetadata? x, StreamsMetadata? y) =>
            x!.HostInfo == y!.HostInfo && x.StateStoreNames.SetEquals(y.StateStoreNames) && x.TopicPartitions.SetEquals(y.TopicPartitions);

        public int GetHashCode(StreamsMetadata obj) => obj.HostInfo.GetHashCode();
    }
}
