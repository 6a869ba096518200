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
    public void The_expiry_timer_is_always_armed_again_for_what_is_left_even_when_the_clock_moves_during_the_check()
    {
        // A clock that moves 1.5 ms at every reading: read twice, the next wait came out as -1 ms, Timeout.Infinite.
        var time = new CreepingTime(TimeSpan.FromMilliseconds(1.5));
        using var parked = new ParkedStores(time, TimeSpan.FromMilliseconds(10));
        parked.Park(Task, Stores);
        time.Elapsed = TimeSpan.FromMilliseconds(9);

        time.Timer.Fire();

        Assert.Equal(1, parked.Count);
        Assert.True(time.Timer.DueTime >= TimeSpan.FromMilliseconds(1), $"armed again for {time.Timer.DueTime}");
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

    /// <summary>A clock that moves by <c>step</c> at every reading, with a timer the test fires by hand.</summary>
    private sealed class CreepingTime(TimeSpan step) : TimeProvider
    {
        public TimeSpan Elapsed { get; set; }

        public ManualTimer Timer { get; private set; } = null!;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            var now = Elapsed.Ticks;
            Elapsed += step;
            return now;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            Timer = new ManualTimer(() => callback(state));
    }

    private sealed class ManualTimer(Action fire) : ITimer
    {
        public TimeSpan DueTime { get; private set; } = Timeout.InfiniteTimeSpan;

        public void Fire() => fire();

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueTime = dueTime;
            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SettableTime : TimeProvider
    {
        public TimeSpan Elapsed { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Elapsed.Ticks;
    }
}
