using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;
using static StreamsApp.Streams.Tests.Runtime.Standbys.StandbyTestKit;

namespace StreamsApp.Streams.Tests.Runtime.Standbys;

/// <summary>
/// Standby replicas on the embedded cluster: each of two instances keeps a standby of the other's stateful tasks,
/// which answers stale queries and is named in key metadata; the instance taking a task over, cleanly or after a
/// kill, restores only what its standby had not yet read, whether the counts live in RocksDB or in memory (whose
/// standby hands its stores' contents over within the instance). With three instances and two standbys per task, whichever
/// survivor the broker gives a leaver's task restores nothing either.
/// </summary>
public sealed class StandbyReplicaTests
{
    private static readonly HostInfo HostA = HostInfo.Parse("a:1");
    private static readonly HostInfo HostB = HostInfo.Parse("b:2");

    private static readonly StoreQueryParameters<IReadOnlyKeyValueStore<string, long>> Counts =
        StoreQueryParameters<IReadOnlyKeyValueStore<string, long>>.FromNameAndType(CountingTopology.Store, QueryableStoreTypes.KeyValueStore<string, long>());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_standby_answers_stale_queries_and_a_clean_hand_over_restores_nothing(bool inMemory)
    {
        var app = inMemory ? "standby-handover-memory" : "standby-handover";
        using var cluster = CountingCluster(app, 2);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        await using var stayer = new KafkaStreams(CountingTopology.Build(app, inMemory), WithStandby(Config(cluster, app, dirA.Path), HostA), Options(cluster));
        var leaver = new KafkaStreams(CountingTopology.Build(app, inMemory), WithStandby(Config(cluster, app, dirB.Path), HostB), Options(cluster));
        await stayer.StartAsync();
        await leaver.StartAsync();
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && leaver.State == KafkaStreamsState.Running
            && stayer.LocalActiveTasks.Count > 0 && leaver.LocalActiveTasks.Count > 0 && stayer.LocalActiveTasks.Count + leaver.LocalActiveTasks.Count == 4);
        Produce(cluster, CountingTopology.Input(app), Batch(1));
        CountsReaching(cluster, app, 20);

        // Each keeps a standby of the other's stateful task, and of nothing stateless.
        var moving = leaver.LocalActiveTasks.Where(t => t.Subtopology == CountSubtopology).ToHashSet();
        Assert.NotEmpty(moving);
        await WaitUntil(() => stayer.LocalStandbyTasks.ToHashSet().SetEquals(moving)
            && leaver.LocalStandbyTasks.ToHashSet().SetEquals(stayer.LocalActiveTasks.Where(t => t.Subtopology == CountSubtopology)));

        // The leaver's words: key metadata names the standby, and the standby answers them only when stale data is accepted.
        var leaverWords = AllWords.Where(w => moving.Contains(new TaskId(CountSubtopology, PartitionOf(stayer, w)))).ToList();
        Assert.NotEmpty(leaverWords);
        await WaitUntil(() => leaverWords.All(w => stayer.QueryMetadataForKey(CountingTopology.Store, w, Serdes.String().Serializer) is var m
            && m.ActiveHost == HostB && m.StandbyHosts.SequenceEqual([HostA])));
        await WaitUntil(() => leaverWords.All(w => stayer.Store(Counts.EnableStaleStores().WithPartition(PartitionOf(stayer, w))).TryGet(w, out var n) && n == 20));
        Assert.Throws<StateStoreMigratedException>(() => stayer.Store(Counts.WithPartition(PartitionOf(stayer, leaverWords[0]))));
        Assert.All(moving, t => Assert.Equal(0, StandbyLag(stayer, t)));
        // Read before the hand-over: a standby's sensors go with it when it becomes the active task.
        var applied = StandbyRestored(stayer);

        await leaver.CloseAsync();
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 4);

        Assert.Equal(0, ActiveRestored(stayer, moving));
        Assert.True(applied >= leaverWords.Count, $"the standby applied {applied} changelog records");
        await WaitUntil(() => stayer.LocalStandbyTasks.Count == 0);
        Produce(cluster, CountingTopology.Input(app), Batch(2));
        Assert.All(CountsReaching(cluster, app, 40).Values, c => Assert.Equal(40, c));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_a_kill_the_survivor_takes_the_task_over_from_its_standby_without_restoring_it(bool inMemory)
    {
        var app = inMemory ? "standby-kill-memory" : "standby-kill";
        using var cluster = CountingCluster(app, 2);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        await using var survivor = new KafkaStreams(CountingTopology.Build(app, inMemory), WithStandby(Config(cluster, app, dirA.Path), null), Options(cluster));
        await survivor.StartAsync();
        await survivor.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
        using var victim = new WorkerProcess(
            cluster.BootstrapServers, app, dirB.Path, ProcessingGuarantee.AtLeastOnce, "--standbys=1", inMemory ? "--store=memory" : "--store=rocksdb",
            "session.timeout.ms=6000", "heartbeat.interval.ms=500");
        await victim.Running.WaitAsync(WaitTimeout);
        await WaitUntil(() => survivor.LocalActiveTasks.Count < 4 && survivor.State == KafkaStreamsState.Running);
        var moving = new[] { 0, 1 }.Select(p => new TaskId(CountSubtopology, p)).Except(survivor.LocalActiveTasks).ToHashSet();
        Assert.NotEmpty(moving);
        Produce(cluster, CountingTopology.Input(app), Batch(1));
        CountsReaching(cluster, app, 20);
        await WaitUntil(() => survivor.LocalStandbyTasks.ToHashSet().SetEquals(moving) && moving.All(t => StandbyLag(survivor, t) == 0)
            && StandbyRestored(survivor) > 0);

        victim.Kill();
        Produce(cluster, CountingTopology.Input(app), Batch(2));

        // At-least-once may count what the victim processed but did not commit a second time.
        Assert.All(CountsReaching(cluster, app, 40).Values, c => Assert.InRange(c, 40, 60));
        await WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == 4);
        Assert.Equal(0, ActiveRestored(survivor, moving));
    }

    [Fact]
    public async Task With_three_instances_and_two_standbys_each_every_task_a_leaver_had_moves_warm()
    {
        const string App = "standby-three";
        using var cluster = CountingCluster(App, 6);
        var dirs = Enumerable.Range(0, 3).Select(_ => new TempDir()).ToList();
        var instances = dirs.Select(dir =>
        {
            var config = WithStandby(Config(cluster, App, dir.Path), null);
            config.NumStandbyReplicas = 2;
            config.GroupProtocol = GroupProtocol.Consumer;
            return new KafkaStreams(CountingTopology.Build(App), config, Options(cluster));
        }).ToList();
        try
        {
            foreach (var instance in instances)
            {
                await instance.StartAsync();
            }

            var stateful = Enumerable.Range(0, 6).Select(p => new TaskId(CountSubtopology, p)).ToHashSet();
            await WaitUntil(() => instances.All(i => i.State == KafkaStreamsState.Running && i.LocalActiveTasks.Count > 0)
                && instances.Sum(i => i.LocalActiveTasks.Count) == 12
                && instances.All(i => i.LocalStandbyTasks.ToHashSet().SetEquals(stateful.Except(i.LocalActiveTasks))));
            Produce(cluster, CountingTopology.Input(App), Batch(1));
            CountsReaching(cluster, App, 20);
            var leaver = instances[2];
            var moving = leaver.LocalActiveTasks.Where(stateful.Contains).ToHashSet();

            // The moving tasks hold counts, so restoring them would restore records.
            Assert.Contains(AllWords, w => moving.Contains(new TaskId(CountSubtopology, PartitionOf(leaver, w))));
            await WaitUntil(() => instances.Take(2).All(i => moving.All(t => StandbyLag(i, t) == 0)));

            await leaver.CloseAsync();
            await WaitUntil(() => instances.Take(2).All(i => i.State == KafkaStreamsState.Running) && instances.Take(2).Sum(i => i.LocalActiveTasks.Count) == 12);

            Assert.All(instances.Take(2), i => Assert.Equal(0, ActiveRestored(i, moving)));
            Produce(cluster, CountingTopology.Input(App), Batch(2));
            Assert.All(CountsReaching(cluster, App, 40).Values, c => Assert.Equal(40, c));
        }
        finally
        {
            await DisposeAllAsync(instances, dirs);
        }
    }


    private static StreamsConfig WithStandby(StreamsConfig config, HostInfo? server)
    {
        config.NumStandbyReplicas = 1;
        config.ApplicationServer = server?.ToString();
        return config;
    }
}
