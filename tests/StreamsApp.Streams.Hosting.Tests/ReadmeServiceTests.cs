using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StreamsApp.Streams.Runtime;
using static StreamsApp.Streams.Hosting.Tests.HostingTestKit;

namespace StreamsApp.Streams.Hosting.Tests;

/// <summary>README's service, run on the embedded cluster and asked over HTTP.</summary>
public sealed class ReadmeServiceTests
{
    private sealed record OrderCount(string Customer, long Orders);

    [Fact]
    public async Task TheReadmeServiceCountsOrdersAndAnswersFromItsStore()
    {
        await using var cluster = StartCluster(2, "orders");
        using var state = new TempDir();
        await using var app = ReadmeService.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Streams:ApplicationId=readme-service",
            $"--Streams:BootstrapServers={cluster.BootstrapServers}",
            $"--Streams:StateDir={state.Path}",
            "--Streams:CommitInterval=00:00:00.100",
        ],
        // The mock cluster creates topics through its own admin, not Kafka's admin API.
        services => services.Configure<KafkaStreamsHostingOptions>(hosting => hosting.TopicAdmin = _ => cluster.CreateTopicAdmin()));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

        await WaitUntil(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the service is ready");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Produce(cluster, "orders", ("c-ada", "o-1"), ("c-bob", "o-2"), ("c-ada", "o-3"));

        await WaitUntil(
            async () => await http.GetAsync("/customers/c-ada/orders") is { StatusCode: HttpStatusCode.OK } r
                && await r.Content.ReadFromJsonAsync<OrderCount>() == new OrderCount("c-ada", 2),
            "c-ada's count is 2");
        Assert.Equal(new OrderCount("c-bob", 1), await http.GetFromJsonAsync<OrderCount>("/customers/c-bob/orders"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/customers/c-eve/orders")).StatusCode);

        var instance = app.Services.GetRequiredService<IKafkaStreamsInstance>();
        await app.StopAsync();
        Assert.Equal(KafkaStreamsState.NotRunning, instance.State);
    }

    [Fact]
    public void TheReadmeShowsThisServiceLineForLine()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "StreamsApp.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository root (StreamsApp.sln) is not above the tests");
        }

        var source = File.ReadAllLines(Path.Combine(root.FullName, "tests", "StreamsApp.Streams.Hosting.Tests", "ReadmeService.cs"));
        int Marker(string name) => Array.FindIndex(source, line => line.Trim() == $"// README {name}");
        var shown = source[(Marker("begin") + 1)..Marker("skip")].Concat(source[(Marker("resume") + 1)..Marker("end")])
            .Select(line => line.Length >= 8 ? line[8..] : line);

        Assert.Contains(string.Join('\n', shown), File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
