using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Orders;

namespace StreamsApp.Topologies.Tests.Support;

/// <summary>Valid order events for the intake and enrichment tests; each test changes what it is about.</summary>
internal static class SampleOrders
{
    public static readonly DateTimeOffset PlacedAt = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    /// <summary>An order of two units of p-1 at 10.00 and one of p-2 at 5.50 (total 25.50 EUR).</summary>
    public static OrderCreated Valid(string orderId = "o-1", string eventId = "e-1", string customerId = "c-1") => new()
    {
        EventId = eventId,
        OrderId = orderId,
        CustomerId = customerId,
        Timestamp = PlacedAt,
        Items = [Item("p-1", 2, 10.00m), Item("p-2", 1, 5.50m)],
        TotalAmount = 25.50m,
        Currency = "EUR",
        ShippingAddress = new Address { Recipient = "Ada", Street = "Main St 1", City = "Berlin", PostalCode = "10115", Country = "DE" },
    };

    public static OrderItem Item(string productId, int quantity, decimal price) =>
        new() { ProductId = productId, Quantity = quantity, Price = price };
}
