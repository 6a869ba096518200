using StreamsApp.Contracts.Saga;
using StreamsApp.Topologies.Saga;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>
/// The orchestrator's schedule: one entry per saga, at its deadline while it runs and at the end of its retention once
/// finished, so that a scan reads only what is due; entries left behind are dropped, and stores written before the
/// schedule existed are scheduled when the orchestrator starts.
/// </summary>
public sealed class SagaScheduleTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset Start = SagaHarness.Start;
    private readonly DirectoryInfo _stateDir = Directory.CreateTempSubdirectory("saga-schedule-");
    private readonly StreamsApp.Streams.Avro.InMemorySchemaRegistry _registry = new();

    public void Dispose() => _stateDir.Delete(recursive: true);

    [Fact]
    public void Each_saga_is_scheduled_once_at_its_deadline_and_once_finished_at_the_end_of_its_retention()
    {
        using var saga = new SagaHarness(finishedSagaRetention: Retention);
        saga.PlaceOrder("o-1");
        saga.PlaceOrder("o-2");
        saga.Reply(saga.ReadInventoryCommand(), StockFailed("o-1"));

        Assert.Equal([(Start + SagaHarness.Timeout, "o-2"), (Start + Retention, "o-1")], saga.Schedule.DueBy(DateTimeOffset.MaxValue));

        // o-2 times out and compensates: due when its release must be asked again; confirmed, it fails and is due at
        // the end of its retention.
        saga.AdvanceWallClockTime(SagaHarness.Timeout);
        Assert.Equal(SagaStatus.COMPENSATING, saga.Store.Get("o-2")!.Status);
        var compensationTimeout = new SagaOptions().CompensationTimeout;
        Assert.Equal(
            [(Start + SagaHarness.Timeout + compensationTimeout, "o-2"), (Start + Retention, "o-1")], saga.Schedule.DueBy(DateTimeOffset.MaxValue));
        saga.Reply(saga.InventoryCommands.ReadRecordsToList().Select(r => new Sent<StreamsApp.Contracts.ISagaMessage>(r.Key, r.Value.Message!, r.Headers!)).Last(), StockReleased("o-2"));
        Assert.Equal(SagaStatus.FAILED, saga.Store.Get("o-2")!.Status);
        Assert.Equal(
            [(Start + Retention, "o-1"), (Start + SagaHarness.Timeout + Retention, "o-2")], saga.Schedule.DueBy(DateTimeOffset.MaxValue));

        saga.AdvanceWallClockTime(Retention);
        Assert.Empty(saga.Schedule.DueBy(DateTimeOffset.MaxValue));
        Assert.False(saga.Store.TryGet("o-1", out _));
        Assert.False(saga.Store.TryGet("o-2", out _));
    }

    [Fact]
    public void Only_entries_due_by_the_time_asked_are_read()
    {
        using var saga = new SagaHarness(finishedSagaRetention: Retention);
        saga.PlaceOrder("o-1");

        Assert.Empty(saga.Schedule.DueBy(Start + SagaHarness.Timeout - TimeSpan.FromMilliseconds(1)));
        Assert.Equal([(Start + SagaHarness.Timeout, "o-1")], saga.Schedule.DueBy(Start + SagaHarness.Timeout));
    }

    [Fact]
    public void An_entry_left_behind_for_a_saga_no_longer_due_then_is_dropped_by_the_next_scan()
    {
        using var saga = new SagaHarness(finishedSagaRetention: Retention);
        saga.PlaceOrder("o-1");
        saga.Schedule.Reschedule(null, new SagaState { SagaId = "gone", Status = SagaStatus.STARTED, Deadline = Start });
        saga.Schedule.Reschedule(null, new SagaState { SagaId = "o-1", Status = SagaStatus.STARTED, Deadline = Start });
        saga.ReadStatuses();
        saga.ReadInventoryCommand();

        saga.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        Assert.Equal([(Start + SagaHarness.Timeout, "o-1")], saga.Schedule.DueBy(DateTimeOffset.MaxValue));
        Assert.Equal(SagaStatus.STARTED, saga.Store.Get("o-1")!.Status);
        Assert.True(saga.NothingMoreSent);
    }

    [Fact]
    public void Sagas_stored_before_the_schedule_existed_are_scheduled_when_the_orchestrator_starts()
    {
        using (var before = new SagaHarness(_registry, _stateDir.FullName, Retention))
        {
            before.PlaceOrder("o-1");
            before.PlaceOrder("o-2");
            before.Reply(before.ReadInventoryCommand(), StockFailed("o-1"));
            foreach (var key in before.ScheduleStore.All().Select(entry => entry.Key).ToList())
            {
                before.ScheduleStore.Delete(key, out _);
            }
        }

        using var after = new SagaHarness(_registry, _stateDir.FullName, Retention);

        Assert.Equal([(Start + SagaHarness.Timeout, "o-2"), (Start + Retention, "o-1")], after.Schedule.DueBy(DateTimeOffset.MaxValue));
        after.AdvanceWallClockTime(SagaHarness.Timeout);
        Assert.Equal(SagaStatus.COMPENSATING, after.Store.Get("o-2")!.Status);
    }
}
