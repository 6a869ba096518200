using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// A suppressed windowed count whose instance closes with windows still open: a new instance on a fresh state
/// directory restores the suppression buffer from its changelog and emits each window's final count exactly once,
/// with the records counted before the restart included.
/// </summary>
public sealed class SuppressRestartTests
{
    private const string App = "suppress-restart";

    private static Topology Build()
    {
        var builder = new StreamsBuilder();
        builder.Stream("clicks", Consumed.With(Serdes.String(), Serdes.String()))
            .GroupByKey()
            .WindowedBy(TimeWindows.OfSizeAndGrace(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)))
            .Count()
            .Suppress(Suppressed.UntilWindowCloses<Windowed<string>>(BufferConfig.Unbounded()).WithName("final"))
            .ToStream()
            .Map((window, count) => KeyValue.Pair($"{window.Key}@{window.Window.StartMs}", count))
            .To("final-counts", Produced.With(Serdes.String(), Serdes.Int64()));
        return builder.Build();
    }

    private static IEnumerable<(string Key, string Value)> Clicks(string key, int count) => Enumerable.Repeat((key, "click"), count);

    [Fact]
    public async Task The_buffer_comes_back_from_its_changelog_and_each_window_is_emitted_once()
    {
        using var cluster = StartCluster();
        cluster.CreateTopic("clicks", 1);
        cluster.CreateTopic("final-counts", 1);
        Produce(cluster, "clicks", [.. Clicks("a", 3), .. Clicks("b", 2)], timestamp: 10_000);
        using var firstDir = new TempDir();
        await using (var first = new KafkaStreams(Build(), Config(cluster, App, firstDir.Path), Options(cluster)))
        {
            await first.StartAsync();
            await WaitUntil(() => Committed(cluster, App, "clicks") == 5);
            await first.CloseAsync();
        }

        using var secondDir = new TempDir();
        await using var second = new KafkaStreams(Build(), Config(cluster, App, secondDir.Path), Options(cluster));
        await second.StartAsync();
        Produce(cluster, "clicks", Clicks("a", 1), timestamp: 10_400);

        // Window [10 s, 11 s) closes at stream time 11.5 s, window [12 s, 13 s) at 13.5 s. A duplicate of a or b
        // would come before c's result.
        Produce(cluster, "clicks", Clicks("c", 1), timestamp: 12_000);
        Produce(cluster, "clicks", Clicks("d", 1), timestamp: 14_500);

        var emitted = ReadUntil(cluster, "final-counts", r => r.Count >= 3)
            .Select(r => (Utf8(r.Message.Key), Int64(r.Message.Value)))
            .Order()
            .ToList();
        Assert.Equal([("a@10000", 4L), ("b@10000", 2L), ("c@12000", 1L)], emitted);
    }
}
