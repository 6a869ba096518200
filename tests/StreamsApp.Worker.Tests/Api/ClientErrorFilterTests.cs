using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamsApp.Worker.Api;

namespace StreamsApp.Worker.Tests.Api;

/// <summary>A request Kestrel refuses while it is read is the client's 4xx and one warning, not a logged crash.</summary>
public sealed class ClientErrorFilterTests
{
    [Fact]
    public async Task ABodyOverTheLimitIs413ProblemDetailsAndOneWarning()
    {
        var log = new CapturingLogger();
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        };
        context.Request.Method = "POST";
        context.Request.Path = "/orders";
        context.Response.Body = new MemoryStream();

        await new ClientErrorFilter(log).InvokeAsync(context, _ => throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        var (level, message, exception) = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Null(exception);
        Assert.Equal("Refused POST /orders with 413: Request body too large.", message);
    }

    private sealed class CapturingLogger : ILogger<ClientErrorFilter>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
