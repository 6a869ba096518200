using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing;
using StreamsApp.Topologies.Saga;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>Only unknown sagas are dead-lettered; any other failure is a bug, left to the configured handler.</summary>
public sealed class SagaProcessingExceptionHandlerTests
{
    private static readonly ErrorHandlerContext Context = new("inventory.replies", 0, 7, 0, null, OrderSagaTopology.ProcessorName, new TaskId(0, 0));

    [Fact]
    public void An_unknown_saga_is_dead_lettered()
    {
        var response = new SagaProcessingExceptionHandler().Handle(Context, "o-x", null, new UnknownSagaException("no saga"));

        Assert.Equal(ExceptionHandlerResponse.DeadLetter, response);
    }

    [Theory]
    [InlineData(ExceptionHandlerResponse.Fail)]
    [InlineData(ExceptionHandlerResponse.Continue)]
    public void Any_other_failure_gets_the_fallback_handlers_response(ExceptionHandlerResponse fallback)
    {
        var handler = new SagaProcessingExceptionHandler(new ExceptionHandlers.FixedResponseHandler(fallback));

        Assert.Equal(fallback, handler.Handle(Context, "o-1", null, new InvalidOperationException("bug")));
    }

    [Fact]
    public void By_default_any_other_failure_fails()
    {
        var response = new SagaProcessingExceptionHandler().Handle(Context, "o-1", null, new InvalidOperationException("bug"));

        Assert.Equal(ExceptionHandlerResponse.Fail, response);
    }
}
