using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Avro;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>
/// Under at-least-once a crash after a saga's state reached its changelog, but before the commands it sent reached
/// their topics, replays the input that made the state: the restarted driver reads its topics from offset 0 again with
/// the stores kept, which is that replay. The orchestrator sends again what the state sent, with the same message
/// ids; a duplicate that is not the redelivered record sends nothing.
/// </summary>
public sealed class SagaRedeliveryTests : IDisposable
{
    private readonly DirectoryInfo _stateDir = Directory.CreateTempSubdirectory("saga-redelivery-");
    private readonly InMemorySchemaRegistry _registry = new();

    public void Dispose() => _stateDir.Delete(recursive: true);

    [Fact]
    public void A_redelivered_order_sends_the_stock_reservation_again_with_its_id()
    {
        string reserved;
        using (var before = new SagaHarness(_registry, _stateDir.FullName))
        {
            before.PlaceOrder("o-1");
            reserved = before.ReadInventoryCommand().Message.MessageId;
        }

        using var after = new SagaHarness(_registry, _stateDir.FullName);
        after.PlaceOrder("o-1");
        var again = after.ReadInventoryCommand();
        after.PlaceOrder("o-1");

        Assert.Equal(reserved, Assert.IsType<ReserveStock>(again.Message).MessageId);
        Assert.Equal([SagaStatus.STARTED], after.ReadStatuses());
        Assert.True(after.NothingMoreSent);
    }

    [Fact]
    public void A_redelivered_reply_sends_the_next_command_again_and_an_earlier_one_sends_nothing()
    {
        Sent<IInventoryCommand> reserve;
        using (var before = new SagaHarness(_registry, _stateDir.FullName))
        {
            before.PlaceOrder("o-1");
            reserve = before.ReadInventoryCommand();
            before.Reply(reserve, StockReserved("o-1"));
            before.ReadPaymentCommand();
        }

        // The order at orders.accepted offset 0 made o-1's first state, not its current one: it sends nothing again.
        using var after = new SagaHarness(_registry, _stateDir.FullName);
        after.PlaceOrder("o-1");
        Assert.True(after.NothingMoreSent);

        after.Reply(reserve, StockReserved("o-1"));

        Assert.IsType<ChargePayment>(after.ReadPaymentCommand().Message);
        Assert.Equal([SagaStatus.STOCK_RESERVED], after.ReadStatuses());
        Assert.True(after.NothingMoreSent);
    }

    [Fact]
    public void A_redelivered_last_reply_publishes_the_outcome_again_with_its_id()
    {
        string outcome;
        using (var before = new SagaHarness(_registry, _stateDir.FullName))
        {
            before.PlaceOrder("o-1");
            before.Reply(before.ReadInventoryCommand(), StockFailed("o-1"));
            outcome = Assert.IsType<SagaFailed>(before.ReadEvent().Message).MessageId;
        }

        using var after = new SagaHarness(_registry, _stateDir.FullName);
        after.InventoryReplies.PipeInput("o-1", new InventoryReply { Message = StockFailed("o-1") });

        Assert.Equal(outcome, Assert.IsType<SagaFailed>(after.ReadEvent().Message).MessageId);
    }
}
