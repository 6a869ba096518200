using StreamsApp.Contracts.Saga;
using StreamsApp.Topologies.Messaging;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>Finished sagas leave the orchestrator's stores after their retention, silently; unfinished ones stay.</summary>
public sealed class SagaRetentionTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    [Fact]
    public void A_finished_saga_is_purged_from_both_stores_once_its_retention_has_passed_and_nothing_is_published()
    {
        using var saga = new SagaHarness(finishedSagaRetention: Retention);
        saga.PlaceOrder();
        saga.Reply(saga.ReadInventoryCommand(), StockFailed());
        saga.Events.ReadRecordsToList();
        saga.ReadStatuses();

        saga.AdvanceWallClockTime(Retention - TimeSpan.FromSeconds(1));
        Assert.Equal(SagaStatus.FAILED, saga.Store.Get("o-1")!.Status);
        saga.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        Assert.False(saga.Store.TryGet("o-1", out _));
        Assert.False(saga.Traces.TryGet("o-1", out _));
        Assert.True(saga.NothingMoreSent);
    }

    [Fact]
    public void An_unfinished_saga_is_kept_with_its_trace_past_the_retention_until_it_finishes()
    {
        using var saga = new SagaHarness(finishedSagaRetention: TimeSpan.FromSeconds(10));
        saga.PlaceOrder();
        saga.Reply(saga.ReadInventoryCommand(), StockReserved());

        saga.AdvanceWallClockTime(TimeSpan.FromSeconds(30));
        Assert.Equal(SagaStatus.STOCK_RESERVED, saga.Store.Get("o-1")!.Status);
        Assert.True(saga.Traces.TryGet("o-1", out _));
        saga.Reply(saga.ReadPaymentCommand(), PaymentFailed());
        saga.Reply(saga.ReadInventoryCommand(), StockReleased());
        saga.AdvanceWallClockTime(TimeSpan.FromSeconds(9));
        Assert.Equal(SagaStatus.FAILED, saga.Store.Get("o-1")!.Status);
        saga.AdvanceWallClockTime(TimeSpan.FromSeconds(1));

        Assert.False(saga.Store.TryGet("o-1", out _));
    }

    [Fact]
    public void A_reply_for_a_purged_saga_is_dead_lettered_as_for_an_unknown_one()
    {
        using var saga = new SagaHarness(finishedSagaRetention: Retention);
        saga.PlaceOrder();
        var reserve = saga.ReadInventoryCommand();
        saga.Reply(reserve, StockFailed());
        var deadLetters = saga.DeadLetters(Topics.InventoryReplies);
        saga.Reply(reserve, StockReserved());
        Assert.True(deadLetters.IsEmpty);

        saga.AdvanceWallClockTime(Retention);
        saga.Reply(reserve, StockReserved());

        Assert.Single(deadLetters.ReadRecordsToList());
    }
}
