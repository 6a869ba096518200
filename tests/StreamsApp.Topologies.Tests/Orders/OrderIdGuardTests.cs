using StreamsApp.Streams.Errors;
using StreamsApp.Topologies.Orders;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Orders;

/// <summary>
/// An order id names one order (issue 15): the intake accepts the first order under an id, drops the same order sent
/// again as a new event (a client retrying its POST), and rejects another order under the same id to the DLT, so
/// <c>orders.accepted</c> never carries two bodies for one id. The intake runs with 2 partitions here.
/// </summary>
public sealed class OrderIdGuardTests : IDisposable
{
    private readonly OrderIntakeDriver _intake = new(orderIdTtl: TimeSpan.FromDays(30), partitions: 2);

    public void Dispose() => _intake.Dispose();

    [Fact]
    public void The_same_order_sent_again_as_a_new_event_is_dropped()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));
        var resent = SampleOrders.Valid("o-1", "e-2");
        resent.Timestamp += TimeSpan.FromMinutes(5);
        resent.Items = [SampleOrders.Item("p-1", 2, 10.0m), SampleOrders.Item("p-2", 1, 5.5000m)];
        _intake.Pipe(resent, SampleOrders.PlacedAt + TimeSpan.FromDays(2));

        Assert.Equal("e-1", Assert.Single(_intake.Accepted.ReadValuesToList()).EventId);
        Assert.True(_intake.DeadLetters.IsEmpty);
    }

    [Fact]
    public void Another_order_under_a_used_id_goes_to_the_dlt_and_the_first_stays_the_only_one_accepted()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));
        var other = SampleOrders.Valid("o-1", "e-2");
        other.Items = [SampleOrders.Item("p-1", 3, 10.00m)];
        other.TotalAmount = 30.00m;

        _intake.Pipe(other, SampleOrders.PlacedAt + TimeSpan.FromMinutes(1));
        _intake.Pipe(SampleOrders.Valid("o-1", "e-3"), SampleOrders.PlacedAt + TimeSpan.FromMinutes(2));

        var accepted = Assert.Single(_intake.Accepted.ReadValuesToList());
        Assert.Equal(25.50m, accepted.TotalAmount);
        var dead = Assert.Single(_intake.DeadLetters.ReadRecordsToList());
        Assert.Contains("already accepted for an order with other content", dead.Headers!.Text(DeadLetterHeaders.ExceptionMessage), StringComparison.Ordinal);
        Assert.Equal(OrderIntakeTopology.OrderIdGuardNode, dead.Headers!.Text(DeadLetterHeaders.ProcessorNode));
    }

    [Fact]
    public void Orders_of_different_ids_are_each_accepted_whatever_their_content()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));
        _intake.Pipe(SampleOrders.Valid("o-2", "e-2"));
        _intake.Pipe(SampleOrders.Valid("o-3", "e-3"));

        Assert.Equal(["o-1", "o-2", "o-3"], _intake.Accepted.ReadValuesToList().Select(order => order.OrderId).Order());
    }

    [Fact]
    public void The_fingerprint_ignores_event_id_and_time_and_compares_amounts_by_value()
    {
        var first = SampleOrders.Valid("o-1", "e-1");
        var second = SampleOrders.Valid("o-1", "e-2");
        second.Timestamp += TimeSpan.FromHours(1);
        second.TotalAmount = 25.5m;

        Assert.Equal(OrderFingerprint.Of(first), OrderFingerprint.Of(second));
        second.ShippingAddress.City = "Hamburg";
        Assert.NotEqual(OrderFingerprint.Of(first), OrderFingerprint.Of(second));
    }
}
