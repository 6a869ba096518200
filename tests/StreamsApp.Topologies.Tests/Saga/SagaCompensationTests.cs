using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Errors;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>
/// Confirmed compensations (issue 15): a compensation not confirmed by its deadline is asked again, each wait twice
/// the one before; after the last attempt the saga stays COMPENSATING, goes to saga.DLT with the reason, and is asked
/// nothing more; a confirmation that comes after that still fails it.
/// </summary>
public sealed class SagaCompensationTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SagaHarness _saga = new(compensationTimeout: Wait, maxCompensationAttempts: 3);

    public void Dispose() => _saga.Dispose();

    [Fact]
    public void An_unconfirmed_compensation_is_asked_again_with_backoff_then_the_saga_goes_to_saga_dlt()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        _saga.Reply(_saga.ReadPaymentCommand(), PaymentFailed());
        var first = _saga.ReadInventoryCommand();
        _saga.ReadStatuses();

        // Asked again after 10 s, then after 20 s more; each ask is a new command.
        _saga.AdvanceWallClockTime(Wait - TimeSpan.FromSeconds(1));
        Assert.True(_saga.NothingMoreSent);
        _saga.AdvanceWallClockTime(TimeSpan.FromSeconds(1));
        var second = _saga.ReadInventoryCommand();
        Assert.IsType<ReleaseStock>(second.Message);
        Assert.NotEqual(first.CausationId, second.CausationId);
        _saga.AdvanceWallClockTime(2 * Wait - TimeSpan.FromSeconds(1));
        Assert.True(_saga.InventoryCommands.IsEmpty);
        _saga.AdvanceWallClockTime(TimeSpan.FromSeconds(1));
        Assert.IsType<ReleaseStock>(_saga.ReadInventoryCommand().Message);
        Assert.Equal(3, _saga.Store.Get("o-1")!.CompensationAttempts);

        // Third and last attempt: after 40 s more the saga gives up.
        _saga.AdvanceWallClockTime(4 * Wait);
        var stuck = _saga.StuckSagas.ReadRecord();
        Assert.Equal(("o-1", SagaStatus.COMPENSATING), (stuck.Key, stuck.Value.Status));
        Assert.Equal("RELEASE_STOCK not confirmed after 3 attempts", stuck.Headers!.Text(DeadLetterHeaders.ExceptionMessage));
        Assert.True(_saga.InventoryCommands.IsEmpty);
        Assert.Null(_saga.Store.Get("o-1")!.CompensationDeadline);
        _saga.ReadStatuses();
        _saga.AdvanceWallClockTime(TimeSpan.FromHours(1));
        Assert.True(_saga.NothingMoreSent);

        // An operator releases the stock by hand; the confirmation, late as it is, fails the saga.
        _saga.Reply(first, StockReleased());
        Assert.IsType<SagaFailed>(_saga.ReadEvent().Message);
        Assert.Equal(SagaStatus.FAILED, _saga.Store.Get("o-1")!.Status);
    }

    [Fact]
    public void A_duplicate_or_unasked_confirmation_changes_nothing()
    {
        _saga.PlaceOrder();
        var reserve = _saga.ReadInventoryCommand();
        _saga.Reply(reserve, StockReleased());
        Assert.Equal(SagaStatus.STARTED, _saga.Store.Get("o-1")!.Status);
        _saga.ReadStatuses();
        Assert.True(_saga.NothingMoreSent);
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(20, 86_400)]
    [InlineData(1_000, 86_400)]
    public void The_wait_doubles_with_each_attempt_up_to_a_day(int attempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), StreamsApp.Topologies.Saga.SagaStateMachine.Backoff(Wait, attempt));
    }
}
