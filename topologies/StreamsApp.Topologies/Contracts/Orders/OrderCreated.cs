using StreamsApp.Contracts.Common;

namespace StreamsApp.Contracts.Orders;

/// <summary>An order was placed (the saga's trigger).</summary>
public sealed class OrderCreated : ContractRecord<OrderCreated>
{
    private static readonly ContractFields<OrderCreated> FieldBindings = new ContractFields<OrderCreated>()
        .Field("eventId", orderCreated => orderCreated.EventId, (orderCreated, value) => orderCreated.EventId = value)
        .Field("orderId", orderCreated => orderCreated.OrderId, (orderCreated, value) => orderCreated.OrderId = value)
        .Field("customerId", orderCreated => orderCreated.CustomerId, (orderCreated, value) => orderCreated.CustomerId = value)
        .Field("timestamp", orderCreated => orderCreated.Timestamp, (orderCreated, value) => orderCreated.Timestamp = value)
        .Field("items", orderCreated => orderCreated.Items, (orderCreated, value) => orderCreated.Items = value)
        .Field("totalAmount", orderCreated => orderCreated.TotalAmount, (orderCreated, value) => orderCreated.TotalAmount = value)
        .Field("currency", orderCreated => orderCreated.Currency, (orderCreated, value) => orderCreated.Currency = value)
        .Field("shippingAddress", orderCreated => orderCreated.ShippingAddress, (orderCreated, value) => orderCreated.ShippingAddress = value)
        .Field("couponCode", orderCreated => orderCreated.CouponCode, (orderCreated, value) => orderCreated.CouponCode = value)
        .Complete();

    /// <summary>Unique id of this event; consumers drop duplicates by it.</summary>
    public string EventId { get; set; } = "";

    /// <summary>Order id; the record key.</summary>
    public string OrderId { get; set; } = "";

    /// <summary>Customer who placed the order.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>When the order was placed.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Ordered lines, at least one.</summary>
    public IReadOnlyList<OrderItem> Items { get; set; } = [];

    /// <summary>Sum of quantity * price over the items.</summary>
    public decimal TotalAmount { get; set; }

    /// <summary>ISO 4217 currency code of every amount in the order.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Where the order ships to.</summary>
    public Address ShippingAddress { get; set; } = new();

    /// <summary>Coupon applied at checkout, if any (added in version 2).</summary>
    public string? CouponCode { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<OrderCreated> Fields => FieldBindings;
}
