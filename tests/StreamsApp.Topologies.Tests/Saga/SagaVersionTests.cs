using StreamsApp.Contracts.Saga;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>
/// Every state a saga publishes is its next version, and every saga event carries the version of the state it reports
/// (seed 004: an event id and the aggregate's version on every event), which projections use to apply each once.
/// </summary>
public sealed class SagaVersionTests : IDisposable
{
    private readonly SagaHarness _saga = new();

    public void Dispose() => _saga.Dispose();

    [Fact]
    public void Each_published_state_is_the_next_version_and_SagaCompleted_carries_the_last()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        _saga.Reply(_saga.ReadPaymentCommand(), PaymentCaptured());
        _saga.Reply(_saga.ReadShippingCommand(), ShipmentScheduled());

        var states = _saga.States.ReadValuesToList();
        Assert.Equal([1L, 2, 3, 4, 5], states.Select(state => state.Version));
        Assert.Equal(5, _saga.Store.Get("o-1")!.Version);
        var completed = Assert.IsType<SagaCompleted>(_saga.ReadEvent().Message);
        Assert.Equal(5, completed.SagaVersion);
        Assert.All(states, state => Assert.False(state.TimedOut));
    }

    [Fact]
    public void A_timed_out_saga_is_marked_so_and_its_events_carry_the_versions_of_the_states_they_report()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        _saga.ReadPaymentCommand();
        _saga.ReadStatuses();

        _saga.AdvanceWallClockTime(SagaHarness.Timeout);
        var timedOut = Assert.IsType<SagaTimedOut>(_saga.ReadEvent().Message);
        var compensating = Assert.Single(_saga.States.ReadValuesToList());
        _saga.Reply(_saga.ReadInventoryCommand(), StockReleased());
        var failed = Assert.IsType<SagaFailed>(_saga.ReadEvent().Message);
        var end = Assert.Single(_saga.States.ReadValuesToList());

        Assert.Equal((SagaStatus.COMPENSATING, 3L, true), (compensating.Status, compensating.Version, compensating.TimedOut));
        Assert.Equal(3, timedOut.SagaVersion);
        Assert.Equal((SagaStatus.FAILED, 4L, true), (end.Status, end.Version, end.TimedOut));
        Assert.Equal(4, failed.SagaVersion);
        Assert.NotEqual(timedOut.MessageId, failed.MessageId);
    }
}
