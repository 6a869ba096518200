using Confluent.Kafka;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// An instance in its own process, slow enough to hold a full buffer of records, is frozen with SIGSTOP while records
/// keep coming, for longer than the group's session, so its task moves to the other instance; then it is resumed. It must find out before it processes what it
/// had buffered: every key's counts, in the changelog and in the output, only ever go up, and end at the number of
/// records produced or above (at-least-once).
/// </summary>
public sealed class FrozenProcessTests
{
    private const string App = "frozen-process";
    private const int Keys = 50;

    // The record in process when it froze and the few its producer had queued (5 ms linger at 200 records/s).
    private const int InFlightRecords = 10;

    // About a thousand records on each partition, five seconds of the frozen instance's work.
    private const int BurstRounds = 40;

    [Fact]
    public async Task A_process_resumed_after_its_task_moved_writes_nothing_stale()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic(KeyCountTopology.Input(App), 2);
        cluster.CreateTopic(KeyCountTopology.Output(App), 2);
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var config = Config(cluster, App, dirA.Path);
        config.CacheMaxBytesBuffering = 0;
        await using var stayer = new KafkaStreams(KeyCountTopology.Build(App), config, Options(cluster));
        await stayer.StartAsync();
        // 5 ms a record: a burst leaves it seconds behind, and after it is resumed it still catches up with the rounds.
        using var frozen = new WorkerProcess(
            cluster.BootstrapServers, App, dirB.Path, ProcessingGuarantee.AtLeastOnce, "--topology=keys", "--cache-bytes=0", "--record-ms=5", "session.timeout.ms=6000", "heartbeat.interval.ms=500");
        await frozen.Running.WaitAsync(WaitTimeout);
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 1);

        using var stop = new CancellationTokenSource();
        var rounds = 0;
        var producing = Task.Run(() => ProduceRounds(cluster, () => Interlocked.Increment(ref rounds), stop.Token));
        CountsReaching(cluster, 5);

        // It must be frozen while it works through its buffer. Frozen idle in a poll, which a slow producer on a loaded
        // machine allows, the group's news would come before any record and there would be no pause to notice. So a
        // burst it cannot keep up with goes out, and it is frozen once it works on records sent after the burst began,
        // with at least half the burst, seconds of work, still ahead of it on one key.
        var beforeBurst = Volatile.Read(ref rounds);
        ProduceBurst(cluster, BurstRounds, () => Interlocked.Increment(ref rounds));
        ReadUntil(cluster, KeyCountTopology.Output(App), r => Latest(r, Int64) is var l && l.Count == Keys
            && l.Values.All(c => c > beforeBurst) && l.Values.Min() <= Volatile.Read(ref rounds) - (BurstRounds / 2));
        frozen.Freeze();
        await WaitUntil(() => stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 2);
        CountsReaching(cluster, Volatile.Read(ref rounds));
        frozen.Thaw();

        // Resumed, it gives up the task it no longer owns; the group then balances again, and processing goes on over
        // both instances.
        await WaitUntil(() => frozen.State == "Running" && stayer.State == KafkaStreamsState.Running && stayer.LocalActiveTasks.Count == 1);
        var atRebalance = Volatile.Read(ref rounds);
        await WaitUntil(() => Volatile.Read(ref rounds) >= atRebalance + 10);
        await stop.CancelAsync();
        await producing;

        var produced = Volatile.Read(ref rounds);
        var output = CountsReaching(cluster, produced);
        var changelog = ReadUntil(cluster, $"{App}-{KeyCountTopology.Store}-changelog", r => Latest(r, Int64) is var l && l.Count == Keys && l.Values.All(c => c >= produced));
        // What it was doing when it froze, it finishes: the record in process and what its producer had queued reach
        // the topics late (decision 0022; Kafka Streams has the same window, and exactly-once's fencing closes it). The
        // records it had buffered, up to a thousand since it is slow, must not.
        foreach (var (name, records) in new[] { ("output", output), ("changelog", changelog) })
        {
            var stale = records.GroupBy(r => Utf8(r.Message.Key)).SelectMany(key => Stale(key.Select(r => Int64(r.Message.Value)))).ToList();
            Assert.True(
                stale.Count <= InFlightRecords,
                $"{stale.Count} {name} records went back: {string.Join(", ", stale.Take(20))}{Environment.NewLine}{string.Join(Environment.NewLine, frozen.Log().Where(Membership))}");
        }

        // It noticed the pause before its next record (decision 0022).
        Assert.Contains(frozen.Log(), line => line.Contains("did not run for", StringComparison.Ordinal));
    }

    /// <summary>The counts lower than one before them, each with the highest before it.</summary>
    private static IEnumerable<string> Stale(IEnumerable<long> counts)
    {
        var highest = long.MinValue;
        foreach (var count in counts)
        {
            if (count < highest)
            {
                yield return $"{count} after {highest}";
            }

            highest = Math.Max(highest, count);
        }
    }

    private static bool Membership(string logLine) =>
        new[] { "did not run for", "Partitions", "migrated", "Application state", "Commit", "fenced", "Fenced" }.Any(w => logLine.Contains(w, StringComparison.Ordinal));

    /// <summary>Every output record so far, once every key's latest count reaches <paramref name="atLeast"/>.</summary>
    private static List<ConsumeResult<byte[], byte[]>> CountsReaching(Kafka.Embedded.EmbeddedKafkaCluster cluster, int atLeast) =>
        ReadUntil(cluster, KeyCountTopology.Output(App), r => Latest(r, Int64) is var l && l.Count == Keys && l.Values.All(c => c >= atLeast));

    /// <summary>One record per key per round, about twenty rounds a second, until cancelled; counts each round sent.</summary>
    private static async Task ProduceRounds(Kafka.Embedded.EmbeddedKafkaCluster cluster, Action roundSent, CancellationToken stop)
    {
        using var producer = RoundProducer(cluster);
        while (!stop.IsCancellationRequested)
        {
            SendRound(producer, roundSent);
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    /// <summary>Rounds back to back, beside those of <see cref="ProduceRounds"/>; counts each round sent.</summary>
    private static void ProduceBurst(Kafka.Embedded.EmbeddedKafkaCluster cluster, int count, Action roundSent)
    {
        using var producer = RoundProducer(cluster);
        for (var round = 0; round < count; round++)
        {
            SendRound(producer, roundSent);
        }
    }

    private static IProducer<string, string> RoundProducer(Kafka.Embedded.EmbeddedKafkaCluster cluster) =>
        new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers, Partitioner = Partitioner.Murmur2, LingerMs = 5,
        }).Build();

    /// <summary>One record per key, acknowledged before <paramref name="roundSent"/>.</summary>
    private static void SendRound(IProducer<string, string> producer, Action roundSent)
    {
        for (var k = 0; k < Keys; k++)
        {
            producer.Produce(KeyCountTopology.Input(App), new Message<string, string> { Key = $"k{k}", Value = "x" });
        }

        Assert.Equal(0, producer.Flush(WaitTimeout));
        roundSent();
    }
}
