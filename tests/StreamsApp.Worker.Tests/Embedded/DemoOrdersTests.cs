using StreamsApp.Topologies.Orders;
using StreamsApp.Worker.Embedded;

namespace StreamsApp.Worker.Tests.Embedded;

/// <summary>The demo's orders break exactly the rule their scenario is about (participants' README rules, OrderRules).</summary>
public sealed class DemoOrdersTests
{
    [Fact]
    public void EveryRoundShowsCompletionsAndEveryFailureKind()
    {
        var round = Enumerable.Range(0, 12).Select(i => DemoOrders.ScenarioAt(i)).ToList();

        Assert.Equal(Enum.GetValues<DemoScenario>().Order(), round.Distinct().Order());
        Assert.True(round.Count(s => s == DemoScenario.Completes) > round.Count / 2);
    }

    [Theory]
    [InlineData(nameof(DemoScenario.Completes))]
    [InlineData(nameof(DemoScenario.UnknownProduct))]
    [InlineData(nameof(DemoScenario.InsufficientStock))]
    [InlineData(nameof(DemoScenario.InsufficientCredit))]
    [InlineData(nameof(DemoScenario.UnservableCountry))]
    public void OrdersMeantToReachTheSagaPassTheIntake(string scenario)
    {
        var orders = new DemoOrders(new Random(7));

        for (var i = 0; i < 50; i++)
        {
            Assert.Null(OrderRules.FindViolation(orders.Create(Enum.Parse<DemoScenario>(scenario), $"o-{i}")));
        }
    }

    [Fact]
    public void EachFailingScenarioCarriesItsCause()
    {
        var orders = new DemoOrders(new Random(7));
        var stock = DemoCatalog.StockLevels().ToDictionary(s => s.ProductId, s => s.Available);
        var credit = DemoCatalog.Customers().ToDictionary(c => c.CustomerId, c => c.CreditLimit);

        var good = orders.Create(DemoScenario.Completes, "o-1");
        Assert.All(good.Items, item => Assert.True(stock[item.ProductId] >= item.Quantity));
        Assert.True(credit[good.CustomerId] >= good.TotalAmount);
        Assert.Contains(orders.Create(DemoScenario.UnknownProduct, "o-2").Items, i => !stock.ContainsKey(i.ProductId));
        Assert.Contains(orders.Create(DemoScenario.InsufficientStock, "o-3").Items, i => stock.TryGetValue(i.ProductId, out var units) && units < i.Quantity);
        var poor = orders.Create(DemoScenario.InsufficientCredit, "o-4");
        Assert.True(poor.TotalAmount > credit[poor.CustomerId]);
        Assert.Equal("AQ", orders.Create(DemoScenario.UnservableCountry, "o-5").ShippingAddress.Country);
        Assert.Contains("not the sum", OrderRules.FindViolation(orders.Create(DemoScenario.Invalid, "o-6")), StringComparison.Ordinal);
    }
}
