using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Orders;

namespace StreamsApp.Topologies.Tests.Messaging;

public class RejectedRecordHandlerTests
{
    private static readonly ErrorHandlerContext Context = new("orders.events", 0, 7, 0, null, "orders-validate", new TaskId(0, 0));

    [Fact]
    public void ARejectedRecordIsDeadLettered() =>
        Assert.Equal(
            ExceptionHandlerResponse.DeadLetter,
            new RejectedRecordHandler().Handle(Context, "o-1", null, new InvalidOrderException("Unknown currency: XYZ")));

    [Fact]
    public void AnyOtherExceptionFailsByDefaultBecauseItIsABugOrAnOutageNotABadRecord() =>
        Assert.Equal(
            ExceptionHandlerResponse.Fail,
            new RejectedRecordHandler().Handle(Context, "o-1", null, new InvalidOperationException("bug")));

    [Fact]
    public void AnyOtherExceptionGoesToTheFallback() =>
        Assert.Equal(
            ExceptionHandlerResponse.Continue,
            new RejectedRecordHandler(ExceptionHandlers.LogAndContinue).Handle(Context, "o-1", null, new InvalidOperationException("bug")));
}
