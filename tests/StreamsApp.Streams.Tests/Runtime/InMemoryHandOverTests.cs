using Confluent.Kafka;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.State.StoreTopologies;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// A task closed cleanly parks its in-memory stores on the instance, and the task's next owner there (a stream thread
/// taking over from a standby, a standby taking over from an active task) goes on from them: each kind of in-memory
/// store moves whole, nothing is left to restore, and what the task emits afterwards is what one task that never
/// moved emits (Kafka Streams' TopologyTestDriver semantics, checked against our driver).
/// </summary>
public sealed class InMemoryHandOverTests : IDisposable
{
    private readonly TempStateRoot _root = new();
    private readonly StateDirectory _directory;
    private readonly List<TaskHarness> _open = [];

    public InMemoryHandOverTests() => _directory = _root.Open(AppId);

    public static TheoryData<string> Kinds => ["key-value and suppression buffer", "window", "session"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_next_owner_here_goes_on_from_the_parked_stores_with_nothing_to_restore(string kind)
    {
        var topology = Topology(kind);
        var before = new[] { ("a", 0L), ("b", 3L), ("a", 4L), ("c", 12L), ("b", 12L) };
        var after = new[] { ("b", 14L), ("a", 15L), ("d", 1000L) };
        var first = Open(topology);
        first.Task.CompleteRestoration();
        Process(first, before);
        var logged = first.Produced.Where(r => IsChangelog(r.Topic)).GroupBy(r => r.Topic).ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(logged);

        Close(first, clean: true);
        var second = Open(topology);

        // Every changelog resumes one past the last record the first owner logged: nothing is read back.
        Assert.Equal(
            logged.Select(l => new TopicPartitionOffset(l.Key, 0, l.Value)).OrderBy(o => o.Topic),
            second.StateManager.ChangelogStartOffsets().OrderBy(o => o.Topic));
        Assert.Equal(0, _directory.Parked.Count);
        second.Task.CompleteRestoration();
        Process(second, after);

        Assert.Equal(Reference(topology, [.. before, .. after]), Emitted(first).Concat(Emitted(second)));
    }

    [Fact]
    public void A_task_lost_without_a_clean_close_parks_nothing()
    {
        var topology = Topology("window");
        var first = Open(topology);
        first.Task.CompleteRestoration();
        Process(first, [("a", 0L), ("a", 1L)]);

        Close(first, clean: false);
        var second = Open(topology);

        Assert.All(second.StateManager.ChangelogStartOffsets(), o => Assert.Equal(Offset.Beginning, o.Offset));
        second.Task.CompleteRestoration();
        Process(second, [("a", 2L)]);
        Assert.Equal([("a@0", 1L)], Emitted(second));
    }

    public void Dispose()
    {
        foreach (var task in _open.ToList())
        {
            Close(task, clean: false);
        }

        _directory.Dispose();
        _root.Dispose();
    }

    /// <summary>Counts per key in in-memory stores only, keyed by key and window: the output is (key@window, count).</summary>
    private static Topology Topology(string kind)
    {
        var builder = new StreamsBuilder();
        var grouped = builder.Stream(Input, Consumed.With(Serdes.String(), Serdes.String())).GroupByKey();
        var counts = kind switch
        {
            "key-value and suppression buffer" => grouped
                .Count(materialized: Materialized.As<string, long>(Stores.InMemoryKeyValueStore("counts")))
                .Suppress(Suppressed.UntilTimeLimit<string>(TimeSpan.FromMilliseconds(10), BufferConfig.Unbounded()))
                .MapValues(count => (long?)count)
                .ToStream(),
            "window" => grouped.WindowedBy(TimeWindows.OfSizeWithNoGrace(TimeSpan.FromMilliseconds(10)))
                .Count(materialized: Materialized.As<string, long>(Stores.InMemoryWindowStore("counts", TimeSpan.FromDays(1), TimeSpan.FromMilliseconds(10), false)))
                .MapValues(count => (long?)count)
                .ToStream()
                .SelectKey((window, _) => $"{window.Key}@{window.Window.StartMs}"),
            _ => grouped.WindowedBy(SessionWindows.OfInactivityGapWithNoGrace(TimeSpan.FromMilliseconds(10)))
                .Count(materialized: Materialized.As<string, long>(Stores.InMemorySessionStore("counts", TimeSpan.FromDays(1))))
                .MapValues(count => (long?)count)
                .ToStream()
                .SelectKey((session, _) => $"{session.Key}@{session.Window.StartMs}-{session.Window.EndMs}"),
        };
        counts.To(Output, Produced.With(Serdes.String(), Serdes.Nullable(Serdes.Int64())));
        return builder.Build();
    }

    private static List<(string Key, long? Count)> Reference(Topology topology, IEnumerable<(string Key, long Timestamp)> records)
    {
        using var driver = new TopologyTestDriver(topology, Config(cacheBytes: 0));
        var input = driver.CreateInputTopic(Input, Serdes.String(), Serdes.String());
        foreach (var (key, timestamp) in records)
        {
            input.PipeInput(key, "x", timestamp);
        }

        return [.. driver.CreateOutputTopic(Output, Serdes.String(), Serdes.Nullable(Serdes.Int64())).ReadRecordsToList().Select(r => (r.Key!, r.Value))];
    }

    private static IEnumerable<(string Key, long? Count)> Emitted(TaskHarness task) =>
        task.Produced.Where(r => r.Topic == Output).Select(r => (
            Serdes.String().Deserializer.Deserialize(r.Key, false, default),
            r.Value is null ? (long?)null : Serdes.Int64().Deserializer.Deserialize(r.Value, false, default)));

    private static void Process(TaskHarness task, IEnumerable<(string Key, long Timestamp)> records)
    {
        foreach (var (key, timestamp) in records)
        {
            task.Process(Input, key, "x", timestamp);
        }
    }

    private static bool IsChangelog(string topic) => topic.EndsWith("-changelog", StringComparison.Ordinal);

    /// <summary>A task of the topology on the shared state directory, its stores open, still restoring.</summary>
    private TaskHarness Open(Topology topology)
    {
        var task = new TaskHarness(topology, Config(cacheBytes: 0), _directory);
        _open.Add(task);
        task.Task.InitializeStateStores();
        return task;
    }

    private void Close(TaskHarness task, bool clean)
    {
        _open.Remove(task);
        task.Task.Close(clean);
    }
}
