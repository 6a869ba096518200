using StreamsApp.Contracts;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Shipping;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>Participant replies for the saga tests, each with a fresh message id.</summary>
internal static class SagaReplies
{
    public static StockReserved StockReserved(string orderId = "o-1") => Stamp(new StockReserved(), orderId);

    public static StockFailed StockFailed(string orderId = "o-1") =>
        Stamp(new StockFailed { Reason = "out of stock", ProductIds = ["p-2"] }, orderId);

    public static PaymentCaptured PaymentCaptured(string orderId = "o-1") =>
        Stamp(new PaymentCaptured { PaymentId = "pay-1", Amount = 25.5m, Currency = "EUR" }, orderId);

    public static PaymentFailed PaymentFailed(string orderId = "o-1") => Stamp(new PaymentFailed { Reason = "credit limit" }, orderId);

    public static ShipmentScheduled ShipmentScheduled(string orderId = "o-1") =>
        Stamp(new ShipmentScheduled { ShipmentId = "ship-1", Carrier = "post" }, orderId);

    public static ShipmentFailed ShipmentFailed(string orderId = "o-1") => Stamp(new ShipmentFailed { Reason = "unserved address" }, orderId);

    public static StockReleased StockReleased(string orderId = "o-1") => Stamp(new StockReleased(), orderId);

    public static PaymentRefunded PaymentRefunded(string orderId = "o-1") =>
        Stamp(new PaymentRefunded { PaymentId = "pay-1", Amount = 25.5m, Currency = "EUR" }, orderId);

    private static T Stamp<T>(T reply, string orderId)
        where T : ISagaMessage
    {
        reply.MessageId = Guid.NewGuid().ToString();
        reply.SagaId = orderId;
        reply.OrderId = orderId;
        reply.Timestamp = SagaHarness.Start;
        return reply;
    }
}
