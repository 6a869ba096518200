using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime.Standbys;

/// <summary>
/// What standby tests feed the counting topology and read back: batches of words, the counts, and from an instance's
/// metrics its restoration and standby lag per task.
/// </summary>
internal static class StandbyTestKit
{
    /// <summary>The distinct words of a batch.</summary>
    public const int Words = 10;

    /// <summary>The counting topology's stateful sub-topology (the count behind the repartition topic).</summary>
    public const int CountSubtopology = 1;

    /// <summary>Every word of a batch.</summary>
    public static IEnumerable<string> AllWords => Enumerable.Range(0, Words).Select(i => $"w{i}");

    /// <summary>Batch <paramref name="batch"/>: each of the <see cref="Words"/> words 20 times, under keys of its own.</summary>
    public static IEnumerable<(string Key, string Value)> Batch(int batch) =>
        Enumerable.Range(0, Words * 20).Select(i => ($"b{batch}-{i}", $"w{i % Words}"));

    /// <summary>An embedded cluster with the counting topology's topics: two tasks per partition, one of them stateful.</summary>
    public static EmbeddedKafkaCluster CountingCluster(string app, int partitions)
    {
        var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(app), partitions);
        cluster.CreateTopic(CountingTopology.Output(app), partitions);
        return cluster;
    }

    /// <summary>Closes every instance, then deletes their state directories.</summary>
    public static async Task DisposeAllAsync(IEnumerable<KafkaStreams> instances, IEnumerable<TempDir> dirs)
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        foreach (var dir in dirs)
        {
            dir.Dispose();
        }
    }

    /// <summary>The latest count of every word, once all reach <paramref name="atLeast"/>.</summary>
    public static Dictionary<string, long> CountsReaching(EmbeddedKafkaCluster cluster, string appId, long atLeast) =>
        Latest(ReadUntil(cluster, CountingTopology.Output(appId), r => Latest(r, Int64) is var l && l.Count == Words && l.Values.All(c => c >= atLeast)), Int64);

    /// <summary>The partition, and so the count task, of <paramref name="word"/>.</summary>
    public static int PartitionOf(KafkaStreams streams, string word) =>
        streams.QueryMetadataForKey(CountingTopology.Store, word, Serdes.String().Serializer).Partition;

    /// <summary>The thread name part of the stream threads, which restore active tasks.</summary>
    public const string StreamThreads = "StreamThread";

    /// <summary>The thread name part of the standby updater, which applies changelogs to standbys.</summary>
    public const string StandbyUpdater = "StandbyUpdater";

    /// <summary>Changelog records the threads named <paramref name="thread"/> restored into <paramref name="tasks"/>.</summary>
    public static double Restored(KafkaStreams streams, string thread, IReadOnlySet<TaskId> tasks) =>
        streams.Metrics.Find("restore-total")
            .Where(s => s.Name.Tag("thread-id")!.Contains(thread, StringComparison.Ordinal) && tasks.Any(t => t.ToString() == s.Name.Tag("task-id")))
            .Sum(s => s.Sum);

    /// <summary>Changelog records the stream threads restored into <paramref name="tasks"/> (standbys not counted).</summary>
    public static double ActiveRestored(KafkaStreams streams, IReadOnlySet<TaskId> tasks) => Restored(streams, StreamThreads, tasks);

    /// <summary>Changelog records the standbys applied, to any task.</summary>
    public static double StandbyRestored(KafkaStreams streams) =>
        streams.Metrics.Find("restore-total").Where(s => s.Name.Tag("thread-id")!.Contains(StandbyUpdater, StringComparison.Ordinal)).Sum(s => s.Sum);

    /// <summary>How far the standby of <paramref name="task"/> is behind its changelog; NaN when there is none.</summary>
    public static double StandbyLag(KafkaStreams streams, TaskId task) =>
        streams.Metrics.ReadGauges().SingleOrDefault(g => g.Name.Name == "standby-lag-records" && g.Name.Tag("task-id") == task.ToString()) is { Name: not null } g
            ? g.Value
            : double.NaN;
}
