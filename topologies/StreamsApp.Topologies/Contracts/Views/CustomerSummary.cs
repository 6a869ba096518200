namespace StreamsApp.Contracts.Views;

/// <summary>Read model: a customer's order history in numbers.</summary>
public sealed class CustomerSummary : ContractRecord<CustomerSummary>
{
    private static readonly ContractFields<CustomerSummary> FieldBindings = new ContractFields<CustomerSummary>()
        .Field("customerId", customerSummary => customerSummary.CustomerId, (customerSummary, value) => customerSummary.CustomerId = value)
        .Field("ordersPlaced", customerSummary => customerSummary.OrdersPlaced, (customerSummary, value) => customerSummary.OrdersPlaced = value)
        .Field("ordersCompleted", customerSummary => customerSummary.OrdersCompleted, (customerSummary, value) => customerSummary.OrdersCompleted = value)
        .Field("ordersFailed", customerSummary => customerSummary.OrdersFailed, (customerSummary, value) => customerSummary.OrdersFailed = value)
        .Field("totalSpent", customerSummary => customerSummary.TotalSpent, (customerSummary, value) => customerSummary.TotalSpent = value)
        .Field("currency", customerSummary => customerSummary.Currency, (customerSummary, value) => customerSummary.Currency = value)
        .Field("updatedAt", customerSummary => customerSummary.UpdatedAt, (customerSummary, value) => customerSummary.UpdatedAt = value)
        .Complete();

    /// <summary>Customer id; the record key.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>Orders placed.</summary>
    public long OrdersPlaced { get; set; }

    /// <summary>Orders whose saga completed.</summary>
    public long OrdersCompleted { get; set; }

    /// <summary>Orders whose saga failed.</summary>
    public long OrdersFailed { get; set; }

    /// <summary>Sum of the totals of completed orders.</summary>
    public decimal TotalSpent { get; set; }

    /// <summary>ISO 4217 currency code of totalSpent.</summary>
    public string Currency { get; set; } = "";

    /// <summary>When the summary last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<CustomerSummary> Fields => FieldBindings;
}
