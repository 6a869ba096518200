using System.Text;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Errors;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Saga;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>Replies the saga does not wait for: duplicates, stale or early ones, and replies for unknown sagas.</summary>
public sealed class SagaReplyHandlingTests : IDisposable
{
    private readonly SagaHarness _saga = new();

    /// <summary>A command of a saga the orchestrator never started, for replies to it.</summary>
    private readonly Sent<OrderCreated> _stranger = new("o-unknown", new() { EventId = "evt-x" }, TraceHeaders.Start("o-unknown").ToHeaders());

    public void Dispose() => _saga.Dispose();

    [Fact]
    public void A_duplicate_reply_sends_no_second_command()
    {
        _saga.PlaceOrder();
        var reserve = _saga.ReadInventoryCommand();
        var reserved = StockReserved();
        _saga.Reply(reserve, reserved);
        _saga.ReadPaymentCommand();
        _saga.ReadStatuses();

        _saga.Reply(reserve, reserved);

        Assert.True(_saga.NothingMoreSent);
        Assert.Equal(SagaStatus.STOCK_RESERVED, _saga.Store.Get("o-1")!.Status);
    }

    [Fact]
    public void A_duplicate_failure_compensates_once()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        var charge = _saga.ReadPaymentCommand();
        var paymentFailed = PaymentFailed();
        _saga.Reply(charge, paymentFailed);
        Assert.IsType<ReleaseStock>(_saga.ReadInventoryCommand().Message);
        _saga.Events.ReadRecordsToList();
        _saga.ReadStatuses();

        _saga.Reply(charge, paymentFailed);

        Assert.True(_saga.NothingMoreSent);
    }

    [Fact]
    public void A_reply_before_its_turn_is_ignored_and_the_saga_goes_on_when_the_awaited_one_comes()
    {
        _saga.PlaceOrder();
        var reserve = _saga.ReadInventoryCommand();
        _saga.ReadStatuses();

        _saga.Reply(reserve, PaymentCaptured());
        Assert.True(_saga.NothingMoreSent);
        Assert.Equal(SagaStatus.STARTED, _saga.Store.Get("o-1")!.Status);

        _saga.Reply(reserve, StockReserved());
        Assert.IsType<ChargePayment>(_saga.ReadPaymentCommand().Message);
    }

    [Fact]
    public void A_stale_reply_for_a_finished_saga_is_ignored()
    {
        _saga.PlaceOrder();
        var reserve = _saga.ReadInventoryCommand();
        _saga.Reply(reserve, StockFailed());
        _saga.Events.ReadRecordsToList();
        _saga.ReadStatuses();

        _saga.Reply(reserve, StockReserved());

        Assert.True(_saga.NothingMoreSent);
        Assert.Equal(SagaStatus.FAILED, _saga.Store.Get("o-1")!.Status);
    }

    [Fact]
    public void A_re_sent_order_does_not_restart_its_saga()
    {
        _saga.PlaceOrder();
        _saga.Reply(_saga.ReadInventoryCommand(), StockReserved());
        _saga.PaymentCommands.ReadRecordsToList();
        _saga.ReadStatuses();

        _saga.PlaceOrder();

        Assert.True(_saga.NothingMoreSent);
        Assert.Equal(SagaStatus.STOCK_RESERVED, _saga.Store.Get("o-1")!.Status);
    }

    [Fact]
    public void A_reply_for_an_unknown_saga_goes_to_the_reply_topics_DLT_with_its_metadata_and_processing_goes_on()
    {
        _saga.Reply(_stranger, StockReserved("o-unknown"));

        var dead = _saga.DeadLetters(Topics.InventoryReplies).ReadRecord();
        var headers = dead.Headers!;
        Assert.Equal("o-unknown", Encoding.UTF8.GetString(dead.Key));
        Assert.Equal(Topics.InventoryReplies, headers.Text(DeadLetterHeaders.Topic));
        Assert.Equal(("0", "0"), (headers.Text(DeadLetterHeaders.Partition), headers.Text(DeadLetterHeaders.Offset)));
        Assert.Equal(typeof(UnknownSagaException).FullName, headers.Text(DeadLetterHeaders.ExceptionClass));
        Assert.Contains("o-unknown", headers.Text(DeadLetterHeaders.ExceptionMessage), StringComparison.Ordinal);
        Assert.Equal((SagaHarness.ApplicationId, "1"), (headers.Text(DeadLetterHeaders.ConsumerGroup), headers.Text(DeadLetterHeaders.AttemptCount)));
        Assert.Equal(OrderSagaTopology.ProcessorName, headers.Text(DeadLetterHeaders.ProcessorNode));
        Assert.Equal(_stranger.Trace.TraceId, headers.Text(TraceHeaders.TraceIdHeader));
        Assert.True(_saga.NothingMoreSent);

        _saga.PlaceOrder();
        Assert.IsType<ReserveStock>(_saga.ReadInventoryCommand().Message);
    }

    [Fact]
    public void Each_reply_topic_dead_letters_to_its_own_DLT()
    {

        _saga.Reply(_stranger, PaymentCaptured("o-unknown"));
        _saga.Reply(_stranger, ShipmentFailed("o-unknown"));

        Assert.Equal(Topics.PaymentReplies, _saga.DeadLetters(Topics.PaymentReplies).ReadRecord().Headers!.Text(DeadLetterHeaders.Topic));
        Assert.Equal(Topics.ShippingReplies, _saga.DeadLetters(Topics.ShippingReplies).ReadRecord().Headers!.Text(DeadLetterHeaders.Topic));
        Assert.True(_saga.DeadLetters(Topics.InventoryReplies).IsEmpty);
        Assert.True(_saga.NothingMoreSent);
    }
}
