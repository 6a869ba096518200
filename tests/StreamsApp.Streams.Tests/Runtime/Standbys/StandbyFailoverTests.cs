using Confluent.Kafka;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;
using static StreamsApp.Streams.Tests.Runtime.Standbys.StandbyTestKit;

namespace StreamsApp.Streams.Tests.Runtime.Standbys;

/// <summary>
/// Three instances with two standbys per task, on the embedded cluster. One is killed: the survivors take its tasks
/// over from their standbys and restore nothing. One stops cleanly as a static member and comes back with its id: it
/// keeps its claim meanwhile, so its keys answer from the standbys (stale) and name it as their owner, and it gets its
/// own tasks back without the others rebalancing.
/// </summary>
public sealed class StandbyFailoverTests
{
    private const int Partitions = 6;

    private static readonly HashSet<TaskId> Stateful = [.. Enumerable.Range(0, Partitions).Select(p => new TaskId(CountSubtopology, p))];

    private static readonly StoreQueryParameters<IReadOnlyKeyValueStore<string, long>> StaleCounts =
        StoreQueryParameters<IReadOnlyKeyValueStore<string, long>>
            .FromNameAndType(CountingTopology.Store, QueryableStoreTypes.KeyValueStore<string, long>())
            .EnableStaleStores();

    [Fact]
    public async Task When_one_of_three_is_killed_the_survivors_take_its_tasks_from_their_standbys()
    {
        const string App = "standby-three-kill";
        using var cluster = CountingCluster(App, Partitions);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        using var dirC = new TempDir();
        await using var a = new KafkaStreams(CountingTopology.Build(App), TwoStandbys(Config(cluster, App, dirA.Path)), Options(cluster));
        await using var b = new KafkaStreams(CountingTopology.Build(App), TwoStandbys(Config(cluster, App, dirB.Path)), Options(cluster));
        KafkaStreams[] survivors = [a, b];
        await a.StartAsync();
        await b.StartAsync();
        using var victim = new WorkerProcess(
            cluster.BootstrapServers, App, dirC.Path, ProcessingGuarantee.AtLeastOnce, "--standbys=2", "session.timeout.ms=6000", "heartbeat.interval.ms=500");
        await victim.Running.WaitAsync(WaitTimeout);
        await WaitUntil(() => survivors.All(s => s.State == KafkaStreamsState.Running && s.LocalActiveTasks.Count > 0)
            && Stateful.Except(a.LocalActiveTasks).Except(b.LocalActiveTasks).Any());
        var moving = Stateful.Except(a.LocalActiveTasks).Except(b.LocalActiveTasks).ToHashSet();
        Produce(cluster, CountingTopology.Input(App), Batch(1));
        CountsReaching(cluster, App, 20);
        await WaitUntil(() => survivors.All(s => moving.IsSubsetOf(s.LocalStandbyTasks) && moving.All(t => StandbyLag(s, t) == 0) && StandbyRestored(s) > 0));

        victim.Kill();
        Produce(cluster, CountingTopology.Input(App), Batch(2));

        // At-least-once may count what the victim processed but did not commit a second time.
        Assert.All(CountsReaching(cluster, App, 40).Values, c => Assert.InRange(c, 40, 60));
        await WaitUntil(() => survivors.All(s => s.State == KafkaStreamsState.Running) && a.LocalActiveTasks.Count + b.LocalActiveTasks.Count == 2 * Partitions);
        Assert.All(survivors, s => Assert.Equal(0, ActiveRestored(s, moving)));
    }

    [Fact]
    public async Task A_static_member_restarted_with_its_id_keeps_its_claim_meanwhile_and_gets_its_own_tasks_back()
    {
        const string App = "standby-static-restart";
        using var cluster = CountingCluster(App, Partitions);
        var dirs = Enumerable.Range(0, 3).Select(_ => new TempDir()).ToList();
        var hosts = new[] { "a:1", "b:2", "c:3" }.Select(HostInfo.Parse).ToList();
        KafkaStreams Instance(int i) => new(CountingTopology.Build(App), Static(Config(cluster, App, dirs[i].Path), hosts[i], $"member-{i}"), Options(cluster));
        var instances = Enumerable.Range(0, 3).Select(Instance).ToList();
        try
        {
            foreach (var instance in instances)
            {
                await instance.StartAsync();
            }

            await WaitUntil(() => instances.All(i => i.State == KafkaStreamsState.Running && i.LocalActiveTasks.Count > 0)
                && instances.Sum(i => i.LocalActiveTasks.Count) == 2 * Partitions
                && instances.All(i => i.LocalStandbyTasks.ToHashSet().SetEquals(Stateful.Except(i.LocalActiveTasks))));
            Produce(cluster, CountingTopology.Input(App), Batch(1));
            CountsReaching(cluster, App, 20);
            var (a, b, c) = (instances[0], instances[1], instances[2]);
            var before = instances.Select(i => i.LocalActiveTasks.ToHashSet()).ToList();
            var moving = before[2].Intersect(Stateful).ToHashSet();
            var cWords = AllWords.Where(w => moving.Contains(new TaskId(CountSubtopology, PartitionOf(a, w)))).ToList();
            Assert.NotEmpty(cWords);
            await WaitUntil(() => instances.Take(2).All(i => moving.All(t => StandbyLag(i, t) == 0)));

            await c.CloseAsync();
            await c.DisposeAsync();

            // Its claim was not withdrawn: the topic holds no tombstone, and both others still name it as the owner,
            // while their standbys answer its words.
            Assert.DoesNotContain(ReadClaims(cluster, App), claim => claim.Value is null);
            foreach (var other in new[] { a, b })
            {
                await WaitUntil(() => cWords.All(w => other.QueryMetadataForKey(CountingTopology.Store, w, Serdes.String().Serializer) is var m
                    && m.ActiveHost == hosts[2] && m.StandbyHosts.SequenceEqual([hosts[0], hosts[1]])));
                Assert.All(cWords, w => Assert.True(other.Store(StaleCounts.WithPartition(PartitionOf(other, w))).TryGet(w, out var n) && n == 20));
            }

            instances[2] = c = Instance(2);
            await c.StartAsync();
            await WaitUntil(() => c.State == KafkaStreamsState.Running && c.LocalActiveTasks.ToHashSet().SetEquals(before[2]));

            Assert.Equal(0, ActiveRestored(c, moving));
            Assert.True(before[0].SetEquals(a.LocalActiveTasks) && before[1].SetEquals(b.LocalActiveTasks), "the others' tasks changed");
            Produce(cluster, CountingTopology.Input(App), Batch(2));
            Assert.All(CountsReaching(cluster, App, 40).Values, n => Assert.Equal(40, n));
        }
        finally
        {
            await DisposeAllAsync(instances, dirs);
        }
    }


    private static StreamsConfig TwoStandbys(StreamsConfig config)
    {
        config.NumStandbyReplicas = 2;
        return config;
    }

    private static StreamsConfig Static(StreamsConfig config, HostInfo server, string instanceId)
    {
        config.ApplicationServer = server.ToString();
        config.GroupInstanceId = instanceId;
        // Long enough that the group keeps the stopped member's tasks through its restart.
        config.KafkaProperties["session.timeout.ms"] = "15000";
        return TwoStandbys(config);
    }

    /// <summary>Every record of the application's query-hosts topic, keyed by process id.</summary>
    private static List<Message<string, byte[]?>> ReadClaims(EmbeddedKafkaCluster cluster, string app)
    {
        using var consumer = new ConsumerBuilder<string, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers, GroupId = $"{app}-claims-reader", EnableAutoCommit = false,
        }).Build();
        var topic = new TopicPartition($"{app}-query-hosts", 0);
        var end = consumer.QueryWatermarkOffsets(topic, WaitTimeout).High;
        consumer.Assign(new TopicPartitionOffset(topic, Offset.Beginning));
        var claims = new List<Message<string, byte[]?>>();
        while (claims.Count < end.Value)
        {
            claims.Add((consumer.Consume(WaitTimeout) ?? throw new TimeoutException($"read {claims.Count} of {end} claims")).Message);
        }

        return claims;
    }
}
