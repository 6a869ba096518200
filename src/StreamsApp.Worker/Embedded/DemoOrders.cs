using StreamsApp.Contracts.Orders;

namespace StreamsApp.Worker.Embedded;

/// <summary>Makes the demo's orders: mostly good ones, with every kind of failure in a fixed rotation.</summary>
internal sealed class DemoOrders(Random random)
{
    // One round of twelve orders: seven complete, one of each failure, one invalid.
    private static readonly DemoScenario[] Rotation =
    [
        DemoScenario.Completes, DemoScenario.Completes, DemoScenario.UnknownProduct,
        DemoScenario.Completes, DemoScenario.Completes, DemoScenario.InsufficientStock,
        DemoScenario.Completes, DemoScenario.InsufficientCredit, DemoScenario.Completes,
        DemoScenario.UnservableCountry, DemoScenario.Completes, DemoScenario.Invalid,
    ];

    private long _sequence;

    /// <summary>The scenario of the <paramref name="index"/>-th order.</summary>
    public static DemoScenario ScenarioAt(long index) => Rotation[index % Rotation.Length];

    /// <summary>The next order of the rotation.</summary>
    public (DemoScenario Scenario, OrderCreated Order) Next()
    {
        var index = _sequence++;
        var scenario = ScenarioAt(index);
        return (scenario, Create(scenario, $"demo-{index + 1:D6}-{Guid.NewGuid().ToString("N")[..6]}"));
    }

    /// <summary>An order showing <paramref name="scenario"/>.</summary>
    public OrderCreated Create(DemoScenario scenario, string orderId)
    {
        var customer = scenario == DemoScenario.InsufficientCredit ? DemoCatalog.PoorCustomer : Pick(DemoCatalog.GoodCustomers);
        var items = new List<OrderItem>();
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            var product = Pick(DemoCatalog.StockedProducts);
            items.Add(new OrderItem { ProductId = product.Id, Quantity = random.Next(1, 4), Price = product.Price });
        }

        if (scenario == DemoScenario.InsufficientCredit)
        {
            items.Add(new OrderItem { ProductId = "p-lamp", Quantity = 1, Price = 39.90m });
        }

        var extra = scenario switch
        {
            DemoScenario.UnknownProduct => new OrderItem { ProductId = DemoCatalog.UnknownProduct, Quantity = 1, Price = 1.00m },
            DemoScenario.InsufficientStock => new OrderItem { ProductId = DemoCatalog.OutOfStockProduct, Quantity = 1, Price = 250m },
            _ => null,
        };
        if (extra is not null)
        {
            items.Add(extra);
        }

        var address = Pick(DemoCatalog.Addresses);
        if (scenario == DemoScenario.UnservableCountry)
        {
            address = DemoCatalog.Address(address.Recipient, "Base Road 1", "McMurdo", "0000", DemoCatalog.UnservedCountry);
        }

        var total = items.Sum(item => item.Quantity * item.Price);
        return new OrderCreated
        {
            EventId = Guid.NewGuid().ToString(),
            OrderId = orderId,
            CustomerId = customer,
            Timestamp = DateTimeOffset.UtcNow,
            Items = items,
            // An invalid order's total misses a euro: OrderRules rejects it and the intake dead-letters it.
            TotalAmount = scenario == DemoScenario.Invalid ? total + 1m : total,
            Currency = DemoCatalog.Currency,
            ShippingAddress = address,
        };
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
