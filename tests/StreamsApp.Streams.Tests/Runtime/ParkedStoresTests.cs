using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime.Internal;
using static StreamsApp.Streams.Tests.Runtime.KafkaTestKit;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>Parked in-memory stores wait for their task a bounded time, are taken once, and go with a wipe.</summary>
public sealed class ParkedStoresTests
{
    private static readonly TaskId Task = new(1, 0);

    private static readonly Dictionary<string, ParkedStore> Stores = new()
    {
        ["s"] = new ParkedStore(new TopicPartition("app-s-changelog", 0), 7, new object()),
    };

    [Fact]
    public void Stores_are_taken_once()
    {
        using var parked = new ParkedStores();
        parked.Park(Task, Stores);

        Assert.Same(Stores, parked.Take(Task));
        Assert.Empty(parked.Take(Task));
        Assert.Empty(parked.Take(new TaskId(1, 1)));
    }

    [Fact]
    public void Stores_not_taken_in_time_are_not_handed_out()
    {
        var time = new SettableTime();
        using var parked = new ParkedStores(time, TimeSpan.FromSeconds(30));
        parked.Park(Task, Stores);

        time.Elapsed = TimeSpan.FromSeconds(30);

        Assert.Empty(parked.Take(Task));
    }

    [Fact]
    public async Task Stores_not_taken_in_time_are_dropped_without_anyone_asking()
    {
        using var parked = new ParkedStores(holdFor: TimeSpan.FromMilliseconds(200));
        parked.Park(Task, Stores);
        parked.Park(new TaskId(1, 1), Stores);
        Assert.Equal(2, parked.Count);

        await WaitUntil(() => parked.Count == 0);
    }

    [Fact]
    public void Wiping_a_task_drops_its_parked_stores_and_closing_the_directory_drops_all()
    {
        using var root = new TempStateRoot();
        var directory = root.Open("app");
        directory.Parked.Park(Task, Stores);
        directory.Parked.Park(new TaskId(1, 1), Stores);

        directory.Wipe(Task);
        Assert.Empty(directory.Parked.Take(Task));
        Assert.Equal(1, directory.Parked.Count);

        directory.Dispose();
        Assert.Equal(0, directory.Parked.Count);
    }

    private sealed class SettableTime : TimeProvider
    {
        public TimeSpan Elapsed { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Elapsed.Ticks;
    }
}
