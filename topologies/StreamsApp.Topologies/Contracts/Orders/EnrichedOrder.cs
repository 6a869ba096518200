using StreamsApp.Contracts.Common;

namespace StreamsApp.Contracts.Orders;

/// <summary>An order joined with its customer and products (event-carried state transfer).</summary>
public sealed class EnrichedOrder : ContractRecord<EnrichedOrder>
{
    private static readonly ContractFields<EnrichedOrder> FieldBindings = new ContractFields<EnrichedOrder>()
        .Field("eventId", enrichedOrder => enrichedOrder.EventId, (enrichedOrder, value) => enrichedOrder.EventId = value)
        .Field("orderId", enrichedOrder => enrichedOrder.OrderId, (enrichedOrder, value) => enrichedOrder.OrderId = value)
        .Field("customerId", enrichedOrder => enrichedOrder.CustomerId, (enrichedOrder, value) => enrichedOrder.CustomerId = value)
        .Field("customerName", enrichedOrder => enrichedOrder.CustomerName, (enrichedOrder, value) => enrichedOrder.CustomerName = value)
        .Field("customerEmail", enrichedOrder => enrichedOrder.CustomerEmail, (enrichedOrder, value) => enrichedOrder.CustomerEmail = value)
        .Field("timestamp", enrichedOrder => enrichedOrder.Timestamp, (enrichedOrder, value) => enrichedOrder.Timestamp = value)
        .Field("items", enrichedOrder => enrichedOrder.Items, (enrichedOrder, value) => enrichedOrder.Items = value)
        .Field("totalAmount", enrichedOrder => enrichedOrder.TotalAmount, (enrichedOrder, value) => enrichedOrder.TotalAmount = value)
        .Field("currency", enrichedOrder => enrichedOrder.Currency, (enrichedOrder, value) => enrichedOrder.Currency = value)
        .Field("shippingAddress", enrichedOrder => enrichedOrder.ShippingAddress, (enrichedOrder, value) => enrichedOrder.ShippingAddress = value)
        .Complete();

    /// <summary>Id of the OrderCreated event this was enriched from.</summary>
    public string EventId { get; set; } = "";

    /// <summary>Order id; the record key.</summary>
    public string OrderId { get; set; } = "";

    /// <summary>Customer who placed the order.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>Customer's name at enrichment time.</summary>
    public string CustomerName { get; set; } = "";

    /// <summary>Customer's e-mail address at enrichment time.</summary>
    public string CustomerEmail { get; set; } = "";

    /// <summary>When the order was placed.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Ordered lines with product data.</summary>
    public IReadOnlyList<EnrichedOrderItem> Items { get; set; } = [];

    /// <summary>Order total.</summary>
    public decimal TotalAmount { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Where the order ships to.</summary>
    public Address ShippingAddress { get; set; } = new();

    /// <inheritdoc/>
    protected override ContractFields<EnrichedOrder> Fields => FieldBindings;
}
