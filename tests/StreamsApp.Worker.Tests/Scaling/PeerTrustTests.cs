using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Confluent.Kafka;

using StreamsApp.Worker.Tests.Operations;

namespace StreamsApp.Worker.Tests.Scaling;

/// <summary>
/// Two workers that require an API key, read from a file: a query one forwards to the other carries the workers' own
/// proof, never the client's key; claims forged on the query-hosts topic are ignored and nothing reaches the address
/// they name; a client's forwarded-by header neither skips the API key nor cuts a whole-store answer to one share.
/// </summary>
public sealed class PeerTrustTests
{
    private const string ApiKey = "scaled-api-key-123";

    [Fact]
    public async Task Workers_forward_with_their_own_proof_and_ignore_forged_owners_and_forwarded_headers()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var keyFile = Path.GetTempFileName();
        var spoof = new TcpListener(IPAddress.Loopback, 0);
        spoof.Start();
        try
        {
            await File.WriteAllTextAsync(keyFile, ApiKey + "\n", timeout.Token);
            await using var app = await ScaledApplication.StartAsync(timeout.Token, apiKeyFile: keyFile);
            await app.WaitUntilSplitAsync(timeout.Token);
            var spoofed = $"127.0.0.1:{((IPEndPoint)spoof.LocalEndpoint).Port}";
            ForgeClaims(app, spoofed);

            // Every order is answered by either worker: half of them forwarded, with the proof in place of the key.
            var orders = await app.PlaceOrdersAsync(8, timeout.Token, app.Seeder, app.Other);
            await app.AssertOutcomesAsync(orders);
            var servedBy = await app.AssertServedByEachAsync(orders, timeout.Token, app.Seeder, app.Other);
            Assert.True(servedBy.SetEquals([app.Seeder.Address, app.Other.Address]), $"Answers came from {string.Join(", ", servedBy)} only");
            await Wait.UntilAsync(async () => await RejectedClaimsAsync(app.Seeder, timeout.Token) >= 3, ScaledApplication.Timeout, () => app.Diagnostics);

            // A client's forwarded-by header is not a worker's: the whole answer, not this worker's share.
            var whole = await StatisticsAsync(app.Seeder, forwardedBy: null, timeout.Token);
            Assert.Equal(whole, await StatisticsAsync(app.Seeder, forwardedBy: app.Other.Address, timeout.Token));

            // Without the key, a forwarded-by header and a made-up proof get nowhere.
            using var unauthenticated = new HttpRequestMessage(HttpMethod.Get, new Uri($"{app.Seeder.Client.BaseAddress}sagas/statistics"));
            unauthenticated.Headers.Add("X-StreamsApp-Forwarded-By", app.Other.Address);
            unauthenticated.Headers.Add("X-StreamsApp-Peer", $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.AAAA");
            using var bare = new HttpClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await bare.SendAsync(unauthenticated, timeout.Token)).StatusCode);

            Assert.False(spoof.Pending(), $"A worker connected to the forged owner {spoofed}");
        }
        finally
        {
            spoof.Stop();
            File.Delete(keyFile);
        }
    }

    /// <summary>Claims that name <paramref name="spoofed"/> as the owner of every task: unsigned (format 1), badly signed, and keyless.</summary>
    private static void ForgeClaims(ScaledApplication app, string spoofed)
    {
        var tasks = string.Join(',', ScaledApplication.AllTasks.Order(StringComparer.Ordinal));
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = app.Server.BootstrapServers }).Build();
        foreach (var (key, value) in new (string?, string)[]
        {
            ("evil", $"1|{spoofed}|{tasks}"),
            ("evil", $"2|{spoofed}|{tasks}|{Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}"),
            (null, $"2|{spoofed}|{tasks}|AAAA"),
        })
        {
            producer.Produce(
                new TopicPartition($"{app.ApplicationId}-query-hosts", 0),
                new Message<byte[]?, byte[]> { Key = key is null ? null : Encoding.UTF8.GetBytes(key), Value = Encoding.UTF8.GetBytes(value) });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    private static async Task<string> StatisticsAsync(WorkerProcess worker, string? forwardedBy, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/sagas/statistics", UriKind.Relative));
        if (forwardedBy is not null)
        {
            request.Headers.Add("X-StreamsApp-Forwarded-By", forwardedBy);
        }

        using var response = await worker.Client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{worker.Name} GET /sagas/statistics: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task<double> RejectedClaimsAsync(WorkerProcess worker, CancellationToken cancellationToken)
    {
        var metrics = await worker.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        return PrometheusText.Sum(PrometheusText.Parse(metrics), "streamsapp_query_hosts_rejected_claims_total");
    }
}
