using System.Net;
using Microsoft.Extensions.Logging;
using StreamsApp.Worker.Embedded;
using StreamsApp.Worker.Hosting;
using StreamsApp.Worker.Tests.Api.Queries;

namespace StreamsApp.Worker.Tests.Console;

/// <summary>
/// The console of a worker on the embedded cluster, at the levels it ships with: an expected failure (an invalid order
/// dead-lettered, a query whose owner just left) is one line, and library chatter (HttpClient's lines for the forward)
/// stays out. <c>--verbose</c> brings both back: the stack trace under the line, HttpClient's lines.
/// </summary>
public sealed class ConsoleOutputTests
{
    private const string DeadHost = "127.0.0.1:1";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnInvalidOrderAndAnUnreachableOwnerAreOneLineEachUnlessVerbose(bool verbose)
    {
        string[] args = ["--demo=false", "--partitions=2", "--Http:PeerSecret=console-tests-peer-secret", "--Logging:LogLevel:Default=Information"];
        await using var worker = await WorkerHost.StartAsync(verbose ? [.. args, "--verbose"] : args);
        await worker.WaitUntilReadyAsync();
        var claims = await QueryHostClaims.ForAsync(worker);
        var console = ConsoleCapture.Attach(worker);

        await worker.Get<OrderPublisher>().PublishAsync(new DemoOrders(new Random(3)).Create(DemoScenario.Invalid, "console-invalid"));
        await claims.ClaimPartitionOneAsync(DeadHost);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await worker.Client.GetAsync(new Uri($"/orders/{claims.RemoteKey}", UriKind.Relative))).StatusCode);
        await Wait.UntilAsync(
            () => Task.FromResult(console.Entries.Any(e => e.Text.Contains("Dead-lettered record", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(20));

        var entries = console.Entries;
        var deadLettered = Assert.Single(entries, e => e.Text.Contains("Dead-lettered record", StringComparison.Ordinal)).Text.Split(Environment.NewLine);
        Assert.Contains("warn StreamThread: Dead-lettered record from orders.events-", deadLettered[0], StringComparison.Ordinal);
        Assert.Contains("InvalidOrderException in orders-validate (InvalidOrderException: Total ", deadLettered[0], StringComparison.Ordinal);
        Assert.Equal(verbose, deadLettered.Length > 1 && deadLettered.Skip(1).All(line => line.StartsWith("    at ", StringComparison.Ordinal)));
        var unreachable = Assert.Single(entries, e => e.Text.Contains($"Query owner {DeadHost} unreachable", StringComparison.Ordinal)).Text;
        Assert.DoesNotContain('\n', unreachable);
        Assert.Equal(verbose, entries.Any(e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
    }
}
