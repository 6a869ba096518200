using System.Diagnostics;
using System.Runtime.CompilerServices;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;
using StreamsApp.Streams.Tests.Runtime.Standbys;
using StreamsApp.TestSupport;
using Xunit.Abstractions;
using static StreamsApp.Streams.Tests.Runtime.RealBroker.RealBrokerClients;

namespace StreamsApp.Streams.Tests.Runtime.RealBroker;

/// <summary>
/// Opt-in, on a real broker: two instances under exactly-once, each keeping a standby of the other's tasks, count
/// keys k0..k499 (8 partitions, 200 records each at 5,000 records/s, caching off). One, in its own process, is killed
/// with SIGKILL mid-stream and not restarted. The survivor takes its tasks over from its standbys, restoring only
/// what they had not read (nothing but the killed instance's open transaction, which is aborted), and every key's
/// counts read with read_committed are exactly 1, 2, ..., 200; with the counts in RocksDB, and in memory, where the
/// standby hands its stores' contents to the stream thread within the survivor.
/// </summary>
public sealed class RealBrokerStandbyTests(ITestOutputHelper output)
{
    private const int Keys = 500;
    private const int PerKey = 200;
    private const int Partitions = 8;
    private const int RecordsPerSecond = 5000;

    [RealKafkaTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_a_kill_the_survivor_takes_over_from_its_standbys_and_no_count_is_lost_or_repeated(bool inMemory)
    {
        var bootstrap = RealKafkaFactAttribute.BootstrapServers!;
        var app = $"standby-{Guid.NewGuid():N}"[..20];
        await CreateTopicsAsync(bootstrap, Partitions, KeyCountTopology.Input(app), KeyCountTopology.Output(app));
        using var dirA = new KafkaTestKit.TempDir();
        using var dirB = new KafkaTestKit.TempDir();
        var config = new StreamsConfig
        {
            ApplicationId = app,
            BootstrapServers = bootstrap,
            StateDir = dirA.Path,
            ProcessingGuarantee = ProcessingGuarantee.ExactlyOnceV2,
            CommitInterval = TimeSpan.FromMilliseconds(200),
            CacheMaxBytesBuffering = 0,
            NumStandbyReplicas = 1,
            KafkaProperties = { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" },
        };
        await using var survivor = new KafkaStreams(KeyCountTopology.Build(app, inMemory: inMemory), config, new KafkaStreamsOptions { HandleShutdownSignals = false });
        await survivor.StartAsync();
        await KafkaTestKit.WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == Partitions);
        using var victim = new WorkerProcess(
            bootstrap, app, dirB.Path, ProcessingGuarantee.ExactlyOnceV2,
            "--topology=keys", inMemory ? "--store=memory" : "--store=rocksdb", "--cache-bytes=0", "--commit-ms=200", "--standbys=1", "session.timeout.ms=6000", "heartbeat.interval.ms=500");
        await victim.Running.WaitAsync(KafkaTestKit.WaitTimeout);
        await KafkaTestKit.WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count is > 0 and < Partitions);
        var moving = Enumerable.Range(0, Partitions).Select(p => new TaskId(0, p)).Except(survivor.LocalActiveTasks).ToHashSet();

        var acknowledged = new StrongBox<long>();
        var producing = ProduceRoundsAsync(bootstrap, KeyCountTopology.Input(app), Keys, PerKey, RecordsPerSecond, acknowledged, CancellationToken.None);
        await KafkaTestKit.WaitUntil(() => Interlocked.Read(ref acknowledged.Value) >= Keys * PerKey / 3 || producing.IsCompleted);
        await KafkaTestKit.WaitUntil(() => survivor.LocalStandbyTasks.ToHashSet().SetEquals(moving));
        Assert.False(producing.IsCompleted, "the input was all produced before the kill: it would not be mid-stream");
        victim.Kill();
        var killed = Stopwatch.StartNew();
        output.WriteLine($"killed the instance owning {string.Join(", ", moving)} at {Interlocked.Read(ref acknowledged.Value)} records");

        // What the standbys applied, read until they become the active tasks: their sensors go with them then.
        double followed = 0;
        await KafkaTestKit.WaitUntil(() =>
        {
            followed = Math.Max(followed, StandbyTestKit.Restored(survivor, StandbyTestKit.StandbyUpdater, moving));
            return survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == Partitions;
        });
        output.WriteLine($"the survivor runs every task {killed.Elapsed.TotalSeconds:0.0} s after the kill");
        await producing;
        var counts = ReadCommitted(bootstrap, KeyCountTopology.Output(app), seen => seen.Count == Keys && seen.Values.All(v => v[^1] >= PerKey), TimeSpan.FromMinutes(2));

        var expected = Enumerable.Range(1, PerKey).Select(i => (long)i).ToList();
        var wrong = counts.Where(c => !c.Value.SequenceEqual(expected)).Select(c => c.Key).ToList();
        Assert.True(counts.Count == Keys && wrong.Count == 0, $"{wrong.Count} keys have gaps or duplicates, {Keys - counts.Count} have no count");
        var restored = StandbyTestKit.ActiveRestored(survivor, moving);
        output.WriteLine($"changelog records the standbys applied: {followed}; the survivor restored on takeover: {restored}");
        Assert.True(followed > 0, "the standbys applied nothing");
        Assert.True(restored < followed / 10, $"the takeover restored {restored} records though the standbys had applied {followed}");
    }
}
