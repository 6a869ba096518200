using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Configuration;

/// <summary>
/// <c>--verbose</c> (<c>Console:Verbose</c>): off, library categories log warnings only and the worker's Debug lines
/// stay out; on, both come back.
/// </summary>
public sealed class VerboseTests
{
    [Fact]
    public void ATrueOrFalseFlagGivenAloneIsTrueAndLeavesTheNextFlagAlone()
    {
        using var app = WorkerApp.Build(["--http-url=http://127.0.0.1:0", "--kafka-mode=Embedded", "--verbose", "--demo=false", "--Kafka:CreateTopics"]);

        var options = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.True(options.Console.Verbose);
        Assert.False(options.Demo.Enabled);
        Assert.True(options.Kafka.CreateTopics);
    }

    [Theory]
    [InlineData(false, LogLevel.Warning, LogLevel.Information)]
    [InlineData(true, LogLevel.Information, LogLevel.Debug)]
    public void LibraryChatterIsOffUnlessVerbose(bool verbose, LogLevel httpClient, LogLevel worker)
    {
        string[] args = ["--http-url=http://127.0.0.1:0", "--kafka-mode=Embedded"];
        using var app = WorkerApp.Build(verbose ? [.. args, "--verbose"] : args);

        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        Assert.Equal(httpClient, MinimumLevel(loggers.CreateLogger("System.Net.Http.HttpClient.streamsapp-query-forwarding.LogicalHandler")));
        Assert.Equal(httpClient, MinimumLevel(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware")));
        Assert.Equal(worker, MinimumLevel(loggers.CreateLogger("StreamsApp.Worker.Hosting.SagaOutcomes")));
    }

    private static LogLevel MinimumLevel(ILogger logger) => Enum.GetValues<LogLevel>().First(logger.IsEnabled);
}
