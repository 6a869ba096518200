using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StreamsApp.TestSupport;

namespace StreamsApp.Worker.Tests.Hosting;

/// <summary>
/// A worker pointed at an address where no broker listens ends after <c>Kafka:ConnectTimeout</c> with exit code 2
/// and one message naming the address, in a handful of lines, not a crash after minutes of reconnection lines.
/// </summary>
public sealed class UnreachableClusterTests
{
    [Fact]
    public async Task AnUnreachableClusterEndsTheWorkerWithExitCode2AndOneMessage()
    {
        var address = $"127.0.0.1:{UnusedPort()}";
        var stopwatch = Stopwatch.StartNew();
        using var worker = DotnetProcess.Start(
            "StreamsApp.Worker.dll",
            [$"--bootstrap-servers={address}", "--schema-registry-url=http://127.0.0.1:9", "--http-url=http://127.0.0.1:0", "--Kafka:ConnectTimeout=00:00:03"]);
        var stdout = worker.StandardOutput.ReadToEndAsync();
        var stderr = worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var output = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(worker.ExitCode == 2, $"exit code {worker.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));
        Assert.Contains(output, line => line.StartsWith($"Cannot reach the Kafka cluster at {address} within 3 s", StringComparison.Ordinal));
        Assert.True(output.Length <= 10, $"{output.Length} lines:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
        Assert.DoesNotContain(output, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
