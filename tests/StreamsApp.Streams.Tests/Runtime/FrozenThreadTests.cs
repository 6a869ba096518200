using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// A stream thread frozen past its group's patience (here a processor that blocks longer than max.poll.interval.ms;
/// SIGSTOP or a stalled VM look the same to it) loses its task to the other instance. When it thaws, it must not
/// process the records it had buffered: their count updates would reach the changelog after the new owner's and
/// leave it stale for good. It finds out before the next record and closes the task as migrated.
/// </summary>
public sealed class FrozenThreadTests : IDisposable
{
    private readonly ManualResetEventSlim _thaw = new(initialState: false);
    private int _frozen;

    public void Dispose() => _thaw.Dispose();

    [Theory]
    [InlineData(GroupProtocol.Classic)]
    [InlineData(GroupProtocol.Consumer)]
    public async Task A_thread_that_thaws_after_its_task_moved_writes_nothing_it_had_buffered(GroupProtocol protocol)
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("in", 1);
        cluster.CreateTopic("counts", 1);
        using var dirA = new TempDir();
        using var dirB = new TempDir();

        // The owner reads all six records in one fetch, counts "freeze" and blocks right after, with the five records
        // behind it buffered. The other instance joins, and the group gives it the task once the owner misses its
        // poll interval; it counts everything up to the five records produced after.
        Produce(cluster, "in", [("k", "freeze"), .. Enumerable.Repeat(("k", "x"), 5)]);
        await using var owner = Instance(cluster, dirA, protocol);
        await owner.StartAsync();
        await WaitUntil(() => Volatile.Read(ref _frozen) == 1);
        await using var other = Instance(cluster, dirB, protocol);
        await other.StartAsync();
        await WaitUntil(() => other.State == KafkaStreamsState.Running && other.LocalActiveTasks.Count == 1);
        Produce(cluster, "in", Enumerable.Repeat(("k", "y"), 5));
        ReadUntil(cluster, "counts", r => r.Any(c => Int64(c.Message.Value) >= 11));
        _thaw.Set();
        await WaitUntil(() => owner.Metrics.Find("task-migrations-total").Sum(s => s.Sum) >= 1);

        // A record of another key, counted by whoever owns the task now, closes the changelog's story: every update
        // of "k" before it counts up from the last, and none of the thawed owner's stale 2..6 comes after the new
        // owner's 11. The thawed owner goes on as a member of the group.
        Produce(cluster, "in", [("end", "z")]);
        var changelog = ReadUntil(cluster, "freeze-app-counts-changelog", r => r.Any(c => Utf8(c.Message.Key) == "end"));
        var counts = changelog.Where(c => Utf8(c.Message.Key) == "k").Select(c => Int64(c.Message.Value)).ToList();
        Assert.All(counts.Zip(counts.Skip(1)), pair => Assert.True(pair.Second >= pair.First, $"Changelog went back: {string.Join(",", counts)}"));
        Assert.True(counts[^1] >= 11, $"Changelog ended at {counts[^1]}");
        await WaitUntil(() => owner.State == KafkaStreamsState.Running);
    }

    private KafkaStreams Instance(Kafka.Embedded.EmbeddedKafkaCluster cluster, TempDir dir, GroupProtocol protocol)
    {
        var builder = new StreamsBuilder();
        builder.Stream("in", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .Count(materialized: Materialized.As<string, long>("counts"))
            .ToStream()
            .Peek((_, count) =>
            {
                if (count == 1 && Interlocked.Exchange(ref _frozen, 1) == 0)
                {
                    _thaw.Wait(WaitTimeout);
                }
            })
            .To("counts", Produced.With(Serdes.String(), Serdes.Int64()));
        var config = Config(cluster, "freeze-app", dir.Path);
        config.CacheMaxBytesBuffering = 0;
        config.GroupProtocol = protocol;
        config.KafkaProperties["max.poll.interval.ms"] = "6000";
        return new KafkaStreams(builder.Build(), config, Options(cluster));
    }
}
