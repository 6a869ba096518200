using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// One of two instances leaves — cleanly, or killed without a word — and the other takes over its tasks, restoring
/// their counts from the changelogs, so that nothing counted before is lost. At-least-once may count a record twice
/// after a crash (its offset was not committed), so counts are checked to be at least the true ones.
/// </summary>
public sealed class TakeoverTests
{
    private const int Words = 10;

    // A crashed member is noticed after its session timeout; the worker process gets the tests' short one.
    private static readonly string[] ShortSession = ["session.timeout.ms=6000", "heartbeat.interval.ms=500"];

    private static IEnumerable<(string Key, string Value)> Batch(int batch) =>
        Enumerable.Range(0, Words * 20).Select(i => ($"b{batch}-{i}", $"w{i % Words}"));

    private static Dictionary<string, long> CountsReaching(EmbeddedKafkaCluster cluster, string appId, long atLeast) =>
        Latest(ReadUntil(cluster, CountingTopology.Output(appId), r => Latest(r, Int64) is var l && l.Count == Words && l.Values.All(c => c >= atLeast)), Int64);

    [Fact]
    public async Task When_an_instance_closes_the_other_takes_over_its_tasks_with_their_state()
    {
        const string App = "takeover-close";
        
        using var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(App), 2);
        cluster.CreateTopic(CountingTopology.Output(App), 2);
        using var dir1 = new TempDir();
        using var dir2 = new TempDir();
        await using var stayer = new KafkaStreams(CountingTopology.Build(App), Config(cluster, App, dir1.Path), Options(cluster));
        var leaver = new KafkaStreams(CountingTopology.Build(App), Config(cluster, App, dir2.Path), Options(cluster));
        await stayer.StartAsync();
        await leaver.StartAsync();
        await WaitUntil(() => leaver.LocalActiveTasks.Count > 0 && stayer.LocalActiveTasks.Count > 0 && stayer.State == KafkaStreamsState.Running);
        Produce(cluster, CountingTopology.Input(App), Batch(1));
        CountsReaching(cluster, App, 20);

        await leaver.CloseAsync();
        await WaitUntil(() => stayer.LocalActiveTasks.Count == 4 && stayer.State == KafkaStreamsState.Running);
        Produce(cluster, CountingTopology.Input(App), Batch(2));

        // A clean close commits everything, so nothing is counted twice either.
        var counts = CountsReaching(cluster, App, 40);
        Assert.All(counts.Values, c => Assert.Equal(40, c));

        // The leaver's local state can be deleted now; it would restore from the changelogs on its next start.
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(dir2.Path, App)));
        leaver.CleanUp();
        Assert.Empty(Directory.GetDirectories(Path.Combine(dir2.Path, App)));
        Assert.Throws<InvalidOperationException>(stayer.CleanUp);
    }

    [Fact]
    public async Task When_an_instance_is_killed_the_other_takes_over_its_tasks_with_their_state()
    {
        const string App = "takeover-kill";
        
        using var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(App), 2);
        cluster.CreateTopic(CountingTopology.Output(App), 2);
        using var dir1 = new TempDir();
        using var dir2 = new TempDir();
        await using var survivor = new KafkaStreams(CountingTopology.Build(App), Config(cluster, App, dir1.Path), Options(cluster));
        await survivor.StartAsync();
        await survivor.WaitForStateAsync(KafkaStreamsState.Running).WaitAsync(WaitTimeout);
        using var victim = new WorkerProcess(cluster.BootstrapServers, App, dir2.Path, ProcessingGuarantee.AtLeastOnce, ShortSession);
        await victim.Running.WaitAsync(WaitTimeout);
        await WaitUntil(() => survivor.LocalActiveTasks.Count < 4 && survivor.State == KafkaStreamsState.Running);
        Produce(cluster, CountingTopology.Input(App), Batch(1));
        CountsReaching(cluster, App, 20);

        victim.Kill();
        Produce(cluster, CountingTopology.Input(App), Batch(2));

        var counts = CountsReaching(cluster, App, 40);
        Assert.Equal(4, survivor.LocalActiveTasks.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 40, 60));
    }
}
