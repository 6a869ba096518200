using Confluent.Kafka;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;
using StreamsApp.Streams.Tests.ErrorHandling;
using StreamsApp.Streams.Tests.Runtime.Standbys;
using StreamsApp.TestSupport;
using static StreamsApp.Streams.Tests.Runtime.RealBroker.RealBrokerClients;

namespace StreamsApp.Streams.Tests.Runtime.RealBroker;

/// <summary>
/// Opt-in, on a real broker (Kafka 4.0 or later): under the consumer group protocol, an instance that keeps tasks
/// while another joins and leaves never closes them, the broker's range assignor keeps each task's partitions on one
/// member, and every word counts up by one at a time, with no gap and no repeat, across the hand-overs. A static
/// member restarted within its session gets its own tasks back, and the other notices nothing.
/// </summary>
public sealed class RealBrokerRebalanceTests
{
    private const int ClosedEvent = 201, AssignedEvent = 205, StateEvent = 210;

    [RealKafkaFact]
    public async Task An_instance_keeps_its_tasks_open_while_another_joins_and_leaves()
    {
        var bootstrap = RealKafkaFactAttribute.BootstrapServers!;
        var app = $"kip848-{Guid.NewGuid():N}"[..18];
        await CreateTopicsAsync(bootstrap, 4, CountingTopology.Input(app), CountingTopology.Output(app));
        using var dirA = new KafkaTestKit.TempDir();
        using var dirB = new KafkaTestKit.TempDir();
        var logs = new CapturingLoggerFactory();
        await using var stayer = new KafkaStreams(CountingTopology.Build(app), Config(bootstrap, app, dirA), new KafkaStreamsOptions { LoggerFactory = logs, HandleShutdownSignals = false });
        await stayer.StartAsync();
        await KafkaTestKit.WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 8);

        var joiner = new KafkaStreams(CountingTopology.Build(app), Config(bootstrap, app, dirB), new KafkaStreamsOptions { HandleShutdownSignals = false });
        var before = logs.Snapshot().Count;
        await joiner.StartAsync();
        await KafkaTestKit.WaitUntil(() => joiner.State == KafkaStreamsState.Running && stayer.State == KafkaStreamsState.Running
            && joiner.LocalActiveTasks.Count > 0 && joiner.LocalActiveTasks.Count + stayer.LocalActiveTasks.Count == 8);
        Assert.Empty(stayer.LocalActiveTasks.Intersect(joiner.LocalActiveTasks));
        var duringJoin = logs.Snapshot().Skip(before).ToList();
        Assert.Equal(8 - stayer.LocalActiveTasks.Count, duringJoin.Count(l => l.Id.Id == ClosedEvent));

        // It only gave tasks away: it never stopped running (the classic protocol would have it rebalance).
        Assert.DoesNotContain(duringJoin, l => l.Id.Id == StateEvent);

        Produce(bootstrap, CountingTopology.Input(app), 400);
        ReadCounts(bootstrap, app, 40);

        before = logs.Snapshot().Count;
        await joiner.DisposeAsync();
        await KafkaTestKit.WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 8);
        Assert.DoesNotContain(logs.Snapshot().Skip(before), l => l.Id.Id == ClosedEvent);
        Produce(bootstrap, CountingTopology.Input(app), 400);

        // Clean hand-overs commit first: every word counts 1, 2, ... 80 with no gap and no repeat.
        var counts = ReadCounts(bootstrap, app, 80);
        Assert.All(counts.Values, sequence => Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), sequence));
    }

    [RealKafkaFact]
    public async Task A_static_member_restarted_within_its_session_gets_its_tasks_back_and_the_other_sees_nothing()
    {
        var bootstrap = RealKafkaFactAttribute.BootstrapServers!;
        var app = $"static-{Guid.NewGuid():N}"[..18];
        await CreateTopicsAsync(bootstrap, 4, CountingTopology.Input(app), CountingTopology.Output(app));
        using var dirA = new KafkaTestKit.TempDir();
        using var dirB = new KafkaTestKit.TempDir();
        var logs = new CapturingLoggerFactory();
        await using var stayer = new KafkaStreams(CountingTopology.Build(app), Static(bootstrap, app, dirA, "a"), new KafkaStreamsOptions { LoggerFactory = logs, HandleShutdownSignals = false });
        KafkaStreams Restarter() => new(CountingTopology.Build(app), Static(bootstrap, app, dirB, "b"), new KafkaStreamsOptions { HandleShutdownSignals = false });
        var restarter = Restarter();
        try
        {
            await stayer.StartAsync();
            await restarter.StartAsync();
            await KafkaTestKit.WaitUntil(() => stayer.State == KafkaStreamsState.Running && restarter.State == KafkaStreamsState.Running
                && restarter.LocalActiveTasks.Count > 0 && restarter.LocalActiveTasks.Count + stayer.LocalActiveTasks.Count == 8);
            Produce(bootstrap, CountingTopology.Input(app), 400);
            ReadCounts(bootstrap, app, 40);
            var (staying, returning) = (stayer.LocalActiveTasks.ToHashSet(), restarter.LocalActiveTasks.ToHashSet());

            var before = logs.Snapshot().Count;
            await restarter.DisposeAsync();
            restarter = Restarter();
            await restarter.StartAsync();
            await KafkaTestKit.WaitUntil(() => restarter.State == KafkaStreamsState.Running && restarter.LocalActiveTasks.ToHashSet().SetEquals(returning));

            // Back from its own state directory: nothing restored; the other never heard of it.
            Assert.Equal(0, StandbyTestKit.ActiveRestored(restarter, returning));
            Assert.True(staying.SetEquals(stayer.LocalActiveTasks), $"the other runs {string.Join(", ", stayer.LocalActiveTasks)}, not {string.Join(", ", staying)}");
            Assert.DoesNotContain(logs.Snapshot().Skip(before), l => l.Id.Id is ClosedEvent or StateEvent or AssignedEvent);
            Produce(bootstrap, CountingTopology.Input(app), 400);
            var counts = ReadCounts(bootstrap, app, 80);
            Assert.All(counts.Values, sequence => Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), sequence));
        }
        finally
        {
            await restarter.DisposeAsync();
        }
    }

    /// <summary>Produces <paramref name="records"/> records of ten words, one key each, and waits for their acknowledgement.</summary>
    private static void Produce(string bootstrap, string topic, int records)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap, EnableIdempotence = true }).Build();
        for (var i = 0; i < records; i++)
        {
            producer.Produce(topic, new Message<string, string> { Key = $"k{i}", Value = $"w{i % 10}" });
        }

        Assert.Equal(0, producer.Flush(KafkaTestKit.WaitTimeout));
    }

    private static Dictionary<string, List<long>> ReadCounts(string bootstrap, string app, long count)
    {
        var counts = ReadCommitted(
            bootstrap, CountingTopology.Output(app), seen => seen.Count == 10 && seen.Values.All(s => s[^1] == count), KafkaTestKit.WaitTimeout);
        Assert.True(counts.Count == 10 && counts.Values.All(s => s[^1] == count), $"Counts did not reach {count}: {string.Join(", ", counts.Select(c => $"{c.Key}={c.Value[^1]}"))}");
        return counts;
    }

    /// <summary>
    /// A static member: its session, set as the group's (the broker must allow 15 s and a 1 s heartbeat; a stock
    /// broker's 45 s applies otherwise), outlasts its restart.
    /// </summary>
    private static StreamsConfig Static(string bootstrap, string app, KafkaTestKit.TempDir dir, string instanceId)
    {
        var config = Config(bootstrap, app, dir);
        config.GroupInstanceId = instanceId;
        config.KafkaProperties["session.timeout.ms"] = "15000";
        config.KafkaProperties["heartbeat.interval.ms"] = "1000";
        return config;
    }

    private static StreamsConfig Config(string bootstrap, string app, KafkaTestKit.TempDir dir) => new()
    {
        ApplicationId = app,
        BootstrapServers = bootstrap,
        StateDir = dir.Path,
        GroupProtocol = GroupProtocol.Consumer,
        CommitInterval = TimeSpan.FromMilliseconds(200),
        CacheMaxBytesBuffering = 0,
    };
}
