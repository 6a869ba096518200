namespace StreamsApp.Contracts.Customers;

/// <summary>A customer (the customers KTable's value).</summary>
public sealed class Customer : ContractRecord<Customer>
{
    private static readonly ContractFields<Customer> FieldBindings = new ContractFields<Customer>()
        .Field("customerId", customer => customer.CustomerId, (customer, value) => customer.CustomerId = value)
        .Field("name", customer => customer.Name, (customer, value) => customer.Name = value)
        .Field("email", customer => customer.Email, (customer, value) => customer.Email = value)
        .Field("creditLimit", customer => customer.CreditLimit, (customer, value) => customer.CreditLimit = value)
        .Field("currency", customer => customer.Currency, (customer, value) => customer.Currency = value)
        .Field("updatedAt", customer => customer.UpdatedAt, (customer, value) => customer.UpdatedAt = value)
        .Complete();

    /// <summary>Customer id; the record key.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>Full name.</summary>
    public string Name { get; set; } = "";

    /// <summary>E-mail address.</summary>
    public string Email { get; set; } = "";

    /// <summary>Most the payment service may have charged and not refunded at once.</summary>
    public decimal CreditLimit { get; set; }

    /// <summary>ISO 4217 currency code of the credit limit.</summary>
    public string Currency { get; set; } = "";

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc/>
    protected override ContractFields<Customer> Fields => FieldBindings;
}
