using System.Collections.Concurrent;
using StreamsApp.Kafka.Embedded;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.TestApp;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>Several stream threads in one instance share its tasks, and a thread that dies can be replaced.</summary>
public sealed class StreamThreadsRuntimeTests
{
    private static string[] Words(string prefix) => [.. Enumerable.Range(0, 10).Select(i => $"{prefix}{i}")];

    private static void ProduceWords(EmbeddedKafkaCluster cluster, string[] words) => Produce(cluster, "in", words.Select(w => (w, w)));

    /// <summary>Reads "out" until every word of <paramref name="input"/> came out upper-cased.</summary>
    private static void ReadUpperCased(EmbeddedKafkaCluster cluster, string[] input) =>
        ReadUntil(cluster, "out", r => r.Select(x => Utf8(x.Message.Value)).ToHashSet().IsSupersetOf(input.Select(w => w.ToUpperInvariant())));

    [Fact]
    public async Task Two_threads_split_the_tasks_of_a_4_partition_topology_and_count_right()
    {
        const string App = "two-threads";
        using var cluster = StartCluster();
        cluster.CreateTopic(CountingTopology.Input(App), 4);
        cluster.CreateTopic(CountingTopology.Output(App), 4);
        using var dir = new TempDir();
        var config = Config(cluster, App, dir.Path);
        config.NumStreamThreads = 2;
        await using var streams = new KafkaStreams(CountingTopology.Build(App), config, Options(cluster));
        await streams.StartAsync();
        await WaitUntil(() => streams.State == KafkaStreamsState.Running && streams.LocalActiveTasks.Count == 8);

        Produce(cluster, CountingTopology.Input(App), Enumerable.Range(0, 400).Select(i => ($"k{i}", $"w{i % 20}")));

        var counts = Latest(ReadUntil(cluster, CountingTopology.Output(App), r => Latest(r, Int64) is var l && l.Count == 20 && l.Values.All(c => c >= 20)), Int64);
        Assert.All(counts.Values, c => Assert.Equal(20, c));
        var byThread = streams.TasksByThread;
        Assert.Equal(2, byThread.Count);
        Assert.All(byThread.Values, tasks => Assert.NotEmpty(tasks));
        var all = byThread.Values.SelectMany(t => t).Order().ToList();
        Assert.Equal([.. Enumerable.Range(0, 2).SelectMany(s => Enumerable.Range(0, 4).Select(p => new TaskId(s, p)))], all);
    }

    [Fact]
    public async Task A_thread_killed_by_a_processing_error_is_replaced_and_processing_goes_on()
    {
        const string App = "replace-thread";
        using var cluster = StartCluster();
        cluster.CreateTopic("in", 2);
        cluster.CreateTopic("out", 2);
        var thrown = 0;
        var builder = new StreamsBuilder();
        builder.Stream("in", Consumed.With(Serdes.String(), Serdes.String()))
            .MapValues(v => v == "boom" && Interlocked.Exchange(ref thrown, 1) == 0 ? throw new InvalidOperationException("boom") : v.ToUpperInvariant())
            .To("out", Produced.With(Serdes.String(), Serdes.String()));
        using var dir = new TempDir();
        var config = Config(cluster, App, dir.Path);
        config.ProcessingExceptionHandler = ExceptionHandlers.LogAndFail;
        var failures = new ConcurrentQueue<Exception>();
        var options = Options(cluster, e =>
        {
            failures.Enqueue(e);
            return StreamThreadExceptionResponse.ReplaceThread;
        });
        await using var streams = new KafkaStreams(builder.Build(), config, options);
        var states = new ConcurrentQueue<KafkaStreamsState>();
        streams.StateChanged += (_, e) => states.Enqueue(e.NewState);
        await streams.StartAsync();

        ProduceWords(cluster, [.. Words("a"), "boom", .. Words("b")]);

        // The failed record's offset was not committed: the new thread processes it again, and this time it passes.
        ReadUpperCased(cluster, [.. Words("a"), "boom", .. Words("b")]);
        await WaitUntil(() => streams.State == KafkaStreamsState.Running && streams.LocalActiveTasks.Count == 2);
        ProduceWords(cluster, Words("c"));
        ReadUpperCased(cluster, Words("c"));

        Assert.Contains("boom", Assert.Single(failures).ToString(), StringComparison.Ordinal);
        var thread = Assert.Single(streams.TasksByThread);
        // The replacement takes the dead thread's index, as in Kafka Streams, and so its transactional id.
        Assert.EndsWith("-StreamThread-1", thread.Key, StringComparison.Ordinal);
        Assert.Equal([new TaskId(0, 0), new TaskId(0, 1)], thread.Value.Order());
        Assert.DoesNotContain(KafkaStreamsState.Error, states);
        Assert.DoesNotContain(KafkaStreamsState.PendingShutdown, states);
    }
}
