using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;

namespace StreamsApp.Contracts.Views;

/// <summary>Read model: an order as a customer sees it.</summary>
public sealed class OrderView : ContractRecord<OrderView>
{
    private static readonly ContractFields<OrderView> FieldBindings = new ContractFields<OrderView>()
        .Field("orderId", orderView => orderView.OrderId, (orderView, value) => orderView.OrderId = value)
        .Field("customerId", orderView => orderView.CustomerId, (orderView, value) => orderView.CustomerId = value)
        .Field("customerName", orderView => orderView.CustomerName, (orderView, value) => orderView.CustomerName = value)
        .Field("status", orderView => orderView.Status, (orderView, value) => orderView.Status = value)
        .Field("timeline", orderView => orderView.Timeline, (orderView, value) => orderView.Timeline = value)
        .Field("items", orderView => orderView.Items, (orderView, value) => orderView.Items = value)
        .Field("totalAmount", orderView => orderView.TotalAmount, (orderView, value) => orderView.TotalAmount = value)
        .Field("currency", orderView => orderView.Currency, (orderView, value) => orderView.Currency = value)
        .Field("createdAt", orderView => orderView.CreatedAt, (orderView, value) => orderView.CreatedAt = value)
        .Field("updatedAt", orderView => orderView.UpdatedAt, (orderView, value) => orderView.UpdatedAt = value)
        .Field("sagaVersion", orderView => orderView.SagaVersion, (orderView, value) => orderView.SagaVersion = value)
        .Complete();

    /// <summary>Order id; the record key.</summary>
    public string OrderId { get; set; } = "";

    /// <summary>Customer who placed the order.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>Customer's name.</summary>
    public string CustomerName { get; set; } = "";

    /// <summary>Current state.</summary>
    public SagaStatus Status { get; set; }

    /// <summary>States reached, oldest first.</summary>
    public IReadOnlyList<OrderTimelineEntry> Timeline { get; set; } = [];

    /// <summary>Ordered lines with product names.</summary>
    public IReadOnlyList<EnrichedOrderItem> Items { get; set; } = [];

    /// <summary>Order total.</summary>
    public decimal TotalAmount { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>When the order was placed.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the view last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The last saga version applied to the view (0 before any): a client that knows a version (from a saga event or
    /// the saga state) waits until the view has it to read its own writes.
    /// </summary>
    public long SagaVersion { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<OrderView> Fields => FieldBindings;
}
