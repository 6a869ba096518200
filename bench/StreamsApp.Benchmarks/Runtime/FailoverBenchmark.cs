using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using StreamsApp.Streams;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using GroupProtocol = StreamsApp.Streams.GroupProtocol;

namespace StreamsApp.Benchmarks.Runtime;

/// <summary>
/// Issue 14's failover benchmark. Two instances share a count over 4 partitions with <c>keysPerTask</c> keys each;
/// the second runs in its own process and is killed with SIGKILL (or closed cleanly), and the first takes its tasks
/// over. Measured on the survivor, while it is asked for 100 sampled keys every 10 ms (<see cref="KeyAvailability"/>):
/// seconds until every key is served again, seconds during which its own keys failed, changelog records it restored
/// for the moved tasks, and how long from their assignment to running them. Each group protocol runs a kill without
/// standbys, a kill with one standby, and a clean close with one standby, with the counts in RocksDB; the consumer
/// protocol runs the three again with the counts in memory. On the embedded cluster or a real one.
/// </summary>
internal static class FailoverBenchmark
{
    private const int Partitions = 4;
    private const int SampledKeysPerPartition = 25;

    private enum Ending
    {
        Kill,
        Close,
    }

    public static void Run(int keysPerTask, string? bootstrapServers)
    {
        using var cluster = bootstrapServers is null ? BenchCluster.Embedded() : BenchCluster.Real(bootstrapServers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"on {cluster.Name}: {Partitions} tasks of {keysPerTask:N0} keys, session timeout 6 s, {SampledKeysPerPartition * Partitions} keys asked every 10 ms"));
        Console.WriteLine("protocol  store    ending  standbys  served again (s)  own keys failing (s)  restored records  restore (s)");
        var run = 0;
        var cases = new[] { GroupProtocol.Classic, GroupProtocol.Consumer }
            .SelectMany(protocol => new[] { (Ending.Kill, 0), (Ending.Kill, 1), (Ending.Close, 1) }.Select(e => (protocol, InMemory: false, e.Item1, e.Item2)))
            .Concat(new[] { (Ending.Kill, 0), (Ending.Kill, 1), (Ending.Close, 1) }.Select(e => (GroupProtocol.Consumer, InMemory: true, e.Item1, e.Item2)));
        foreach (var (protocol, inMemory, ending, standbys) in cases)
        {
            var result = RunOne(cluster, $"failover-{++run}", keysPerTask, protocol, inMemory, ending, standbys);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{protocol,-9} {FailoverInstance.StoreName(inMemory),-8} {ending,-7} {standbys,8}  {result.ServedAgain,16:F2}  {result.OwnFailing,20:F2}  {result.Restored,16:N0}  {result.Restore,11:F2}"));
        }
    }

    private static (double ServedAgain, double OwnFailing, double Restored, double Restore) RunOne(
        BenchCluster cluster, string name, int keysPerTask, GroupProtocol protocol, bool inMemory, Ending ending, int standbys)
    {
        var app = cluster.Scoped(name);
        var input = cluster.Scoped($"{name}-in");
        cluster.CreateTopic(input, Partitions);
        var survivorDir = Directory.CreateTempSubdirectory("streamsapp-failover-").FullName;
        var victimDir = Directory.CreateTempSubdirectory("streamsapp-failover-").FullName;
        try
        {
            using var survivor = new KafkaStreams(
                FailoverInstance.Build(input, inMemory), FailoverInstance.Config(cluster.BootstrapServers, app, survivorDir, protocol, standbys),
                new KafkaStreamsOptions { TopicAdmin = cluster.CreateTopicAdmin(), HandleShutdownSignals = false });
            survivor.Start();
            WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == Partitions);
            using var victim = FailoverInstance.StartVictim(cluster.BootstrapServers, app, input, victimDir, protocol, standbys, inMemory);
            try
            {
                // Both run their share before any input exists: the survivor holds no state of the victim's tasks but
                // what a standby gives it.
                FailoverInstance.WaitUntilRunning(victim);
                WaitUntil(() => survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count is > 0 and < Partitions);
                var own = survivor.LocalActiveTasks.Select(t => t.Partition).ToHashSet();
                var moving = Enumerable.Range(0, Partitions).Where(p => !own.Contains(p)).Select(p => new TaskId(0, p)).ToHashSet();
                Fill(cluster, input, keysPerTask);
                using (var group = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = app }).Build())
                {
                    var partitions = Enumerable.Range(0, Partitions).Select(p => new TopicPartition(input, p)).ToList();
                    WaitUntil(() => group.Committed(partitions, TimeSpan.FromSeconds(10)).Sum(o => Math.Max(0, o.Offset.Value)) >= Partitions * keysPerTask);
                }

                if (standbys > 0)
                {
                    WaitUntil(() => survivor.LocalStandbyTasks.ToHashSet().SetEquals(moving) && StandbyLag(survivor) == 0);
                }

                var restoredBefore = Restored(survivor, moving);
                var keys = Enumerable.Range(0, Partitions)
                    .SelectMany(p => Enumerable.Range(0, SampledKeysPerPartition).Select(i => (Key: KeyOf(p, i * (keysPerTask / SampledKeysPerPartition)), Partition: p, Own: own.Contains(p))))
                    .ToList();
                using var availability = new KeyAvailability(survivor, keys);
                WaitUntil(() => availability.OwnServed);
                var endedAt = availability.Now;
                if (ending == Ending.Kill)
                {
                    victim.Kill();
                }
                else
                {
                    victim.StandardInput.Close();
                }

                // The moved tasks are created (and restore) before the instance runs them all.
                double? assignedAt = null;
                WaitUntil(() =>
                {
                    assignedAt ??= survivor.LocalActiveTasks.Count == Partitions ? availability.Now : null;
                    return survivor.State == KafkaStreamsState.Running && survivor.LocalActiveTasks.Count == Partitions && availability.AllServed;
                });
                var runningAt = availability.Now;
                return (availability.ServedAgainAfter(endedAt), availability.OwnKeysFailing(endedAt), Restored(survivor, moving) - restoredBefore,
                    runningAt - (assignedAt ?? runningAt));
            }
            finally
            {
                if (!victim.HasExited)
                {
                    victim.Kill();
                }
            }
        }
        finally
        {
            Directory.Delete(survivorDir, recursive: true);
            Directory.Delete(victimDir, recursive: true);
        }
    }

    private static string KeyOf(int partition, int index) => string.Create(CultureInfo.InvariantCulture, $"key-{partition}-{index}");

    /// <summary>One record per key, each written to its partition directly, so the benchmark knows where every key lives.</summary>
    private static void Fill(BenchCluster cluster, string topic, int keysPerTask)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 20 }).Build();
        var value = new byte[20];
        for (var p = 0; p < Partitions; p++)
        {
            var partition = new TopicPartition(topic, p);
            for (var i = 0; i < keysPerTask; i++)
            {
                while (true)
                {
                    try
                    {
                        producer.Produce(partition, new Message<string, byte[]> { Key = KeyOf(p, i), Value = value });
                        break;
                    }
                    catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(10));
                    }
                }
            }
        }

        producer.Flush();
    }

    private static double StandbyLag(KafkaStreams streams) =>
        streams.Metrics.ReadGauges().Where(g => g.Name.Name == "standby-lag-records").Sum(g => g.Value);

    /// <summary>Changelog records the survivor's stream threads restored into <paramref name="tasks"/>.</summary>
    private static double Restored(KafkaStreams streams, IReadOnlySet<TaskId> tasks) =>
        streams.Metrics.Find("restore-total")
            .Where(s => s.Name.Tag("thread-id")!.Contains("StreamThread", StringComparison.Ordinal) && tasks.Any(t => t.ToString() == s.Name.Tag("task-id")))
            .Sum(s => s.Sum);

    private static void WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException("the failover benchmark waited 3 minutes for a condition");
            }

            Thread.Sleep(5);
        }
    }
}
