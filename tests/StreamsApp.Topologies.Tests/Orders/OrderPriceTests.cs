using StreamsApp.Contracts.Products;
using StreamsApp.Streams.Errors;
using StreamsApp.Topologies.Orders;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Orders;

/// <summary>
/// Orders are priced from the catalogue (issue 15): a line of a catalogued product must carry its catalogue price in
/// its currency, or the order goes to the DLT with the catalogue's price as the reason; an uncatalogued product is
/// left to the saga. The intake runs with 2 partitions; the catalogue is a GlobalKTable.
/// </summary>
public sealed class OrderPriceTests : IDisposable
{
    private readonly OrderIntakeDriver _intake = new(partitions: 2);

    public OrderPriceTests()
    {
        _intake.Catalog.PipeInput("p-1", Product("p-1", 10.00m, "EUR"));
        _intake.Catalog.PipeInput("p-2", Product("p-2", 5.50m, "EUR"));
    }

    public void Dispose() => _intake.Dispose();

    [Fact]
    public void An_order_priced_as_catalogued_is_accepted()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));

        Assert.Equal(25.50m, Assert.Single(_intake.Accepted.ReadValuesToList()).TotalAmount);
    }

    [Fact]
    public void A_line_priced_under_the_catalogue_goes_to_the_dlt_with_the_catalogue_price_and_the_next_order_is_accepted()
    {
        var cheap = SampleOrders.Valid("o-1", "e-1");
        cheap.Items = [SampleOrders.Item("p-1", 2, 10.00m), SampleOrders.Item("p-2", 1, 0.01m)];
        cheap.TotalAmount = 20.01m;

        _intake.Pipe(cheap);
        _intake.Pipe(SampleOrders.Valid("o-2", "e-2"));

        var dead = Assert.Single(_intake.DeadLetters.ReadRecordsToList());
        Assert.Equal("items[1].price: p-2 costs 5.50 EUR in the catalogue, not 0.01", dead.Headers!.Text(DeadLetterHeaders.ExceptionMessage));
        Assert.Equal(OrderIntakeTopology.PriceCheckNode, dead.Headers!.Text(DeadLetterHeaders.ProcessorNode));
        Assert.Equal("o-2", Assert.Single(_intake.Accepted.ReadValuesToList()).OrderId);
    }

    [Fact]
    public void A_line_in_another_currency_than_the_catalogue_goes_to_the_dlt()
    {
        var dollars = SampleOrders.Valid("o-1", "e-1");
        dollars.Currency = "USD";

        _intake.Pipe(dollars);

        var dead = Assert.Single(_intake.DeadLetters.ReadRecordsToList());
        Assert.Equal("items[0]: p-1 is sold in EUR, not USD", dead.Headers!.Text(DeadLetterHeaders.ExceptionMessage));
        Assert.True(_intake.Accepted.IsEmpty);
    }

    [Fact]
    public void A_product_missing_from_the_catalogue_is_left_to_the_saga()
    {
        var ghost = SampleOrders.Valid("o-1", "e-1");
        ghost.Items = [SampleOrders.Item("p-ghost", 1, 1.00m)];
        ghost.TotalAmount = 1.00m;

        _intake.Pipe(ghost);

        Assert.Single(_intake.Accepted.ReadValuesToList());
    }

    [Fact]
    public void A_price_change_in_the_catalogue_applies_to_the_orders_after_it()
    {
        _intake.Catalog.PipeInput("p-2", Product("p-2", 6.00m, "EUR"));

        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));

        Assert.Contains("costs 6.00 EUR", Assert.Single(_intake.DeadLetters.ReadRecordsToList()).Headers!.Text(DeadLetterHeaders.ExceptionMessage), StringComparison.Ordinal);
    }

    private static Product Product(string id, decimal price, string currency) =>
        new() { ProductId = id, Name = id, Category = "test", Price = price, Currency = currency, UpdatedAt = SampleOrders.PlacedAt };
}
