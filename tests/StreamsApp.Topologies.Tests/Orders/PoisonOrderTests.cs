using System.Text;
using StreamsApp.Streams.Errors;
using StreamsApp.Topologies.Orders;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Orders;

public sealed class PoisonOrderTests : IDisposable
{
    private readonly OrderIntakeDriver _intake = new();

    [Fact]
    public void BytesThatAreNotAnOrderGoToTheDeadLetterTopicWithTheirMetadataAndTheNextOrderIsAccepted()
    {
        var poison = Encoding.UTF8.GetBytes("{\"orderId\": \"o-bad\"}");
        _intake.RawOrders.PipeInput("o-bad", poison, SampleOrders.PlacedAt);
        _intake.Pipe(SampleOrders.Valid("o-2", "e-2"));

        var dead = _intake.DeadLetters.ReadRecord();
        Assert.True(_intake.DeadLetters.IsEmpty);
        Assert.Equal("o-bad", dead.Key);
        Assert.Equal(poison, dead.Value);
        Assert.Equal(SampleOrders.PlacedAt.ToUnixTimeMilliseconds(), dead.Timestamp);
        Assert.Equal("orders.events", dead.Headers!.Text(DeadLetterHeaders.Topic));
        Assert.Equal("0", dead.Headers!.Text(DeadLetterHeaders.Partition));
        Assert.Equal("0", dead.Headers!.Text(DeadLetterHeaders.Offset));
        Assert.Equal(SampleOrders.PlacedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), dead.Headers!.Text(DeadLetterHeaders.Timestamp));
        Assert.Equal(OrderIntakeDriver.ApplicationId, dead.Headers!.Text(DeadLetterHeaders.ConsumerGroup));
        Assert.Equal(OrderIntakeTopology.SourceNode, dead.Headers!.Text(DeadLetterHeaders.ProcessorNode));
        Assert.Equal("1", dead.Headers!.Text(DeadLetterHeaders.AttemptCount));
        Assert.Equal(typeof(SerdeException).FullName, dead.Headers!.Text(DeadLetterHeaders.ExceptionClass));
        Assert.False(string.IsNullOrEmpty(dead.Headers!.Text(DeadLetterHeaders.ExceptionMessage)));
        Assert.False(string.IsNullOrEmpty(dead.Headers!.Text(DeadLetterHeaders.StackTrace)));
        Assert.Equal("o-2", _intake.Accepted.ReadValue().OrderId);
    }

    public void Dispose() => _intake.Dispose();
}
