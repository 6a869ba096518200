using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Tests.ErrorHandling;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// The consumer group protocol (KIP-848) rebalances incrementally: members that keep tasks keep them open and
/// processing while others join or leave, co-partitioned topics stay together, and a static member that restarts
/// within the session timeout gets its tasks back without the others noticing.
/// </summary>
public sealed class IncrementalRebalanceTests
{
    private const int CreatedEvent = 200, ClosedEvent = 201, AssignedEvent = 205, RevokedEvent = 206, StateEvent = 210;

    [Fact]
    public async Task A_member_keeps_the_tasks_it_keeps_open_while_another_joins_and_leaves()
    {
        const string App = "incremental-keep";
        using var cluster = CountingCluster(App);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var logs = new CapturingLoggerFactory();
        await using var stayer = new KafkaStreams(CountingTopology.Build(App), Incremental(cluster, App, dirA), LoggedOptions(cluster, logs));
        await stayer.StartAsync();
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 8);
        var before = logs.Snapshot().Count;

        await using (var joiner = new KafkaStreams(CountingTopology.Build(App), Incremental(cluster, App, dirB), Options(cluster)))
        {
            await joiner.StartAsync();
            await WaitUntil(() => joiner.State == KafkaStreamsState.Running && stayer.State == KafkaStreamsState.Running
                && joiner.LocalActiveTasks.Count > 0 && joiner.LocalActiveTasks.Count + stayer.LocalActiveTasks.Count == 8);
            var kept = stayer.LocalActiveTasks.ToHashSet();
            Assert.InRange(kept.Count, 1, 7);
            var duringJoin = logs.Snapshot().Skip(before).ToList();
            Assert.DoesNotContain(duringJoin, l => l.Id.Id is CreatedEvent or ClosedEvent && kept.Any(t => l.Message.Contains($"task {t} ", StringComparison.Ordinal) || l.Message.EndsWith($"task {t}", StringComparison.Ordinal)));
            Assert.Equal(8 - kept.Count, duringJoin.Count(l => l.Id.Id == ClosedEvent));
            Assert.DoesNotContain(duringJoin, l => l.Id.Id == StateEvent);
            Assert.Empty(stayer.LocalActiveTasks.Intersect(joiner.LocalActiveTasks));
            before = logs.Snapshot().Count;
            kept = stayer.LocalActiveTasks.ToHashSet();

            // Words counted by both while the group settles: every count arrives, nothing is lost.
            Produce(cluster, CountingTopology.Input(App), Enumerable.Range(0, 200).Select(i => ($"k{i}", $"w{i % 10}")));
            ReadUntil(cluster, CountingTopology.Output(App), r => Latest(r, Int64) is var l && l.Count == 10 && l.Values.All(c => c == 20));
        }

        // The joiner left cleanly: the stayer takes its tasks back and closes none of its own.
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 8);
        Assert.DoesNotContain(logs.Snapshot().Skip(before), l => l.Id.Id == ClosedEvent);
    }

    [Fact]
    public async Task Keys_of_the_tasks_a_member_keeps_answer_here_all_through_a_join()
    {
        const string App = "incremental-query";
        using var cluster = CountingCluster(App);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var stayerConfig = Incremental(cluster, App, dirA);
        stayerConfig.ApplicationServer = "stayer:1";
        var joinerConfig = Incremental(cluster, App, dirB);
        joinerConfig.ApplicationServer = "joiner:2";
        await using var stayer = new KafkaStreams(CountingTopology.Build(App), stayerConfig, Options(cluster));
        await stayer.StartAsync();
        Produce(cluster, CountingTopology.Input(App), Enumerable.Range(0, 40).Select(i => ($"k{i}", $"w{i % 10}")));
        var words = Enumerable.Range(0, 10).Select(i => $"w{i}").ToList();
        var store = StoreQueryParameters<IReadOnlyKeyValueStore<string, long>>.FromNameAndType(
            CountingTopology.Store, QueryableStoreTypes.KeyValueStore<string, long>());
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running
            && words.All(w => stayer.Store(store).TryGet(w, out var n) && n == 4)
            && words.All(w => stayer.QueryMetadataForKey(CountingTopology.Store, w, Serdes.String().Serializer).ActiveHost == HostInfo.Parse("stayer:1")));

        // Every word asked over and over while the joiner takes half the tasks: who owns it, and its count here. Only
        // the answers other than "here, 4" are kept.
        var partitionOf = words.ToDictionary(w => w, w => stayer.QueryMetadataForKey(CountingTopology.Store, w, Serdes.String().Serializer).Partition);
        var answers = new System.Collections.Concurrent.ConcurrentQueue<(int Partition, string Answer)>();
        var asked = 0L;
        using var stop = new CancellationTokenSource();
        var asking = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var word in words)
                {
                    var owner = stayer.QueryMetadataForKey(CountingTopology.Store, word, Serdes.String().Serializer).ActiveHost;
                    var host = owner == HostInfo.Parse("stayer:1") ? "stayer" : owner.Host;
                    string answer;
                    try
                    {
                        answer = stayer.Store(store.WithPartition(partitionOf[word])).TryGet(word, out var n) ? $"{host}={n}" : $"{host}=missing";
                    }
                    catch (InvalidStateStoreException e)
                    {
                        answer = $"{host}:{e.GetType().Name}";
                    }

                    asked++;
                    if (answer != "stayer=4")
                    {
                        answers.Enqueue((partitionOf[word], answer));
                    }
                }
            }
        });
        await using (var joiner = new KafkaStreams(CountingTopology.Build(App), joinerConfig, Options(cluster)))
        {
            await joiner.StartAsync();
            await WaitUntil(() => joiner.State == KafkaStreamsState.Running && stayer.State == KafkaStreamsState.Running
                && joiner.LocalActiveTasks.Count > 0 && joiner.LocalActiveTasks.Count + stayer.LocalActiveTasks.Count == 8);
            await stop.CancelAsync();
            await asking;
            var kept = stayer.LocalActiveTasks.Where(t => t.Subtopology == 1).Select(t => t.Partition).ToHashSet();
            Assert.NotEmpty(kept);
            Assert.True(asked > 0);
            Assert.Empty(answers.Where(a => kept.Contains(a.Partition)).Distinct());
        }
    }

    [Fact]
    public async Task Co_partitioned_topics_stay_together_on_three_members_joining_and_leaving()
    {
        const string App = "incremental-join";
        using var cluster = StartCluster();
        cluster.CreateTopic("orders", 6);
        cluster.CreateTopic("customers", 6);
        cluster.CreateTopic("enriched", 6);
        cluster.CreateTopic("customers-seen", 6);
        var dirs = Enumerable.Range(0, 3).Select(_ => new TempDir()).ToList();
        try
        {
            var instances = dirs.Select(d => new KafkaStreams(JoinTopology(), Incremental(cluster, App, d), Options(cluster))).ToList();
            foreach (var instance in instances)
            {
                await instance.StartAsync();
            }

            await WaitUntil(() => OwnsEachTaskOnce(instances, 6));
            Produce(cluster, "customers", Enumerable.Range(0, 60).Select(i => ($"c{i}", $"name{i}")));
            ReadUntil(cluster, "customers-seen", r => r.Count >= 60);
            Produce(cluster, "orders", Enumerable.Range(0, 60).Select(i => ($"c{i}", $"order{i}")));
            var joined = ReadUntil(cluster, "enriched", r => r.Count >= 60);
            Assert.All(joined, r => Assert.Equal($"order{Utf8(r.Message.Key)[1..]}@name{Utf8(r.Message.Key)[1..]}", Utf8(r.Message.Value)));

            await instances[1].DisposeAsync();
            instances.RemoveAt(1);
            await WaitUntil(() => OwnsEachTaskOnce(instances, 6));
            Produce(cluster, "orders", Enumerable.Range(0, 60).Select(i => ($"c{i}", $"again{i}")));
            var again = ReadUntil(cluster, "enriched", r => r.Count(x => Utf8(x.Message.Value).StartsWith("again", StringComparison.Ordinal)) >= 60);
            Assert.All(
                again.Where(x => Utf8(x.Message.Value).StartsWith("again", StringComparison.Ordinal)),
                r => Assert.EndsWith($"@name{Utf8(r.Message.Key)[1..]}", Utf8(r.Message.Value), StringComparison.Ordinal));
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
        finally
        {
            dirs.ForEach(d => d.Dispose());
        }
    }

    [Fact]
    public async Task A_static_member_restarted_within_the_session_timeout_gets_its_tasks_back_and_the_others_see_nothing()
    {
        const string App = "static-restart";
        using var cluster = CountingCluster(App);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var logs = new CapturingLoggerFactory();
        await using var stayer = new KafkaStreams(CountingTopology.Build(App), Static(cluster, App, dirA, "a"), LoggedOptions(cluster, logs));
        var restarter = new KafkaStreams(CountingTopology.Build(App), Static(cluster, App, dirB, "b"), Options(cluster));
        await stayer.StartAsync();
        await restarter.StartAsync();
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && restarter.State == KafkaStreamsState.Running
            && stayer.LocalActiveTasks.Count > 0 && restarter.LocalActiveTasks.Count > 0 && stayer.LocalActiveTasks.Count + restarter.LocalActiveTasks.Count == 8);
        var tasks = restarter.LocalActiveTasks.ToHashSet();
        var kept = stayer.LocalActiveTasks.ToHashSet();
        var before = logs.Snapshot().Count;

        await restarter.CloseAsync();
        await using var restarted = new KafkaStreams(CountingTopology.Build(App), Static(cluster, App, dirB, "b"), Options(cluster));
        await restarted.StartAsync();
        await WaitUntil(() => restarted.State == KafkaStreamsState.Running && restarted.LocalActiveTasks.Count == tasks.Count);

        Assert.Equal(tasks, restarted.LocalActiveTasks.ToHashSet());
        Assert.Equal(kept, stayer.LocalActiveTasks.ToHashSet());
        Assert.DoesNotContain(logs.Snapshot().Skip(before), l => l.Id.Id is AssignedEvent or RevokedEvent or CreatedEvent or ClosedEvent);
        Produce(cluster, CountingTopology.Input(App), Enumerable.Range(0, 100).Select(i => ($"k{i}", $"w{i % 10}")));
        ReadUntil(cluster, CountingTopology.Output(App), r => Latest(r, Int64) is var l && l.Count == 10 && l.Values.All(c => c == 10));
    }

    /// <summary>An embedded cluster with the counting topology's topics, four partitions each: eight tasks.</summary>
    private static EmbeddedKafkaCluster CountingCluster(string app)
    {
        var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(app), 4);
        cluster.CreateTopic(CountingTopology.Output(app), 4);
        return cluster;
    }

    private static StreamsConfig Incremental(EmbeddedKafkaCluster cluster, string app, TempDir dir)
    {
        var config = Config(cluster, app, dir.Path);
        config.GroupProtocol = GroupProtocol.Consumer;
        return config;
    }

    private static StreamsConfig Static(EmbeddedKafkaCluster cluster, string app, TempDir dir, string instanceId)
    {
        var config = Incremental(cluster, app, dir);
        config.GroupInstanceId = instanceId;
        return config;
    }

    private static KafkaStreamsOptions LoggedOptions(EmbeddedKafkaCluster cluster, CapturingLoggerFactory logs) => new()
    {
        TopicAdmin = cluster.CreateTopicAdmin(),
        HandleShutdownSignals = false,
        LoggerFactory = logs,
    };

    private static bool OwnsEachTaskOnce(IReadOnlyList<KafkaStreams> instances, int tasks)
    {
        var owned = instances.SelectMany(i => i.LocalActiveTasks).ToList();
        return instances.All(i => i.State == KafkaStreamsState.Running)
            && owned.Count == tasks && owned.Distinct().Count() == tasks;
    }

    /// <summary>Orders joined with the customer table by customer id: one task per partition reads both topics.</summary>
    private static Topology JoinTopology()
    {
        var builder = new StreamsBuilder();
        var customers = builder.Table("customers", Consumed.With(Serdes.String(), Serdes.String()));
        customers.ToStream().To("customers-seen", Produced.With(Serdes.String(), Serdes.String()));
        builder.Stream("orders", Consumed.With(Serdes.String(), Serdes.String()))
            .Join(customers, (order, name) => $"{order}@{name}")
            .To("enriched", Produced.With(Serdes.String(), Serdes.String()));
        return builder.Build();
    }
}
