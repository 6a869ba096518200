using StreamsApp.Contracts.Orders;
using StreamsApp.Streams.Errors;
using StreamsApp.Topologies.Orders;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Orders;

public sealed class OrderValidationTests : IDisposable
{
    private readonly OrderIntakeDriver _intake = new();

    // Each case breaks one rule of a valid order (see OrderRules) and names the reason expected in the DLT record.
    private static readonly Dictionary<string, (Action<OrderCreated> Break, string Reason)> Violations = new()
    {
        ["blank event id"] = (order => order.EventId = " ", "The order has no event id"),
        ["blank order id"] = (order => order.OrderId = "", "The order has no order id"),
        ["blank customer id"] = (order => order.CustomerId = "", "The order has no customer id"),
        ["no items"] = (order => order.Items = [], "The order has no items"),
        ["blank product id"] = (order => order.Items[1].ProductId = "", "Item 2 has no product id"),
        ["zero quantity"] = (order => order.Items[0].Quantity = 0, "Item 1 (p-1) has a quantity that is not positive: 0"),
        ["negative quantity"] = (order => order.Items[1].Quantity = -1, "Item 2 (p-2) has a quantity that is not positive: -1"),
        ["zero price"] = (order => order.Items[1].Price = 0m, "Item 2 (p-2) has a price that is not positive: 0.00"),
        ["negative price"] = (order => order.Items[0].Price = -10m, "Item 1 (p-1) has a price that is not positive: -10.00"),
        ["unknown currency"] = (order => order.Currency = "XYZ", "Unknown currency: XYZ"),
        ["lower-case currency"] = (order => order.Currency = "eur", "Unknown currency: eur"),
        ["total a cent short"] = (order => order.TotalAmount = 25.49m, "Total 25.49 EUR is not the sum of the items, 25.50"),
        ["total too high"] = (order => order.TotalAmount = 30m, "Total 30.00 EUR is not the sum of the items, 25.50"),
    };

    public static TheoryData<string> Rules => [.. Violations.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void AnOrderBreakingARuleGoesToTheDeadLetterTopicWithTheReasonAndTheNextOrderIsAccepted(string rule)
    {
        var (breakRule, reason) = Violations[rule];
        var invalid = SampleOrders.Valid("o-bad", "e-bad");
        breakRule(invalid);

        _intake.Orders.PipeInput("o-bad", invalid, SampleOrders.PlacedAt);
        _intake.Pipe(SampleOrders.Valid("o-2", "e-2"));

        var dead = _intake.DeadLetters.ReadRecord();
        Assert.True(_intake.DeadLetters.IsEmpty);
        Assert.Equal(reason, dead.Headers!.Text(DeadLetterHeaders.ExceptionMessage));
        Assert.Equal(typeof(InvalidOrderException).FullName, dead.Headers!.Text(DeadLetterHeaders.ExceptionClass));
        Assert.Equal(OrderIntakeTopology.ValidateNode, dead.Headers!.Text(DeadLetterHeaders.ProcessorNode));
        Assert.Equal("orders.events", dead.Headers!.Text(DeadLetterHeaders.Topic));
        Assert.Equal("0", dead.Headers!.Text(DeadLetterHeaders.Offset));
        Assert.Equal("o-bad", dead.Key);
        Assert.Equal("o-2", Assert.Single(_intake.Accepted.ReadValuesToList()).OrderId);
    }

    [Theory]
    [InlineData("25.505")]
    [InlineData("25.495")]
    public void ATotalWithinHalfACentOfTheSumIsAccepted(string total)
    {
        var order = SampleOrders.Valid();
        order.TotalAmount = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);

        _intake.Pipe(order);

        Assert.True(_intake.DeadLetters.IsEmpty);
        Assert.Equal(order.TotalAmount, _intake.Accepted.ReadValue().TotalAmount);
    }

    [Fact]
    public void ARecordWithoutAValueIsRejected()
    {
        _intake.Orders.PipeInput("o-gone", null!, SampleOrders.PlacedAt);

        var dead = _intake.DeadLetters.ReadRecord();
        Assert.Equal("The record has no order", dead.Headers!.Text(DeadLetterHeaders.ExceptionMessage));
        Assert.Null(dead.Value);
        Assert.True(_intake.Accepted.IsEmpty);
    }

    public void Dispose() => _intake.Dispose();
}
