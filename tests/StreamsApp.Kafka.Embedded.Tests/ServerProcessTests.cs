using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class ServerProcessTests
{
    private const string BootstrapPrefix = "bootstrap.servers=";

    [Fact]
    public async Task The_server_prints_its_bootstrap_servers_serves_clients_and_exits_cleanly_when_stdin_closes()
    {
        using var timeout = new CancellationTokenSource(Clients.Timeout);
        using var server = StartServer("--brokers", "2", "--topic", "events:2");
        try
        {
            var line = await server.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.StartsWith(BootstrapPrefix, line, StringComparison.Ordinal);
            var bootstrapServers = line![BootstrapPrefix.Length..];
            Assert.Equal(2, bootstrapServers.Split(',').Length);

            using (var producer = Clients.Producer(bootstrapServers))
            {
                await producer.ProduceAsync("events", new Message<string, string> { Key = "k", Value = "v" }, timeout.Token);
            }

            using (var consumer = Clients.Consumer(bootstrapServers, "server-test"))
            {
                consumer.Subscribe("events");
                Assert.Equal("v", Clients.ConsumeExactly(consumer, 1).Single().Message.Value);
            }

            server.StandardInput.Close();
            await server.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, server.ExitCode);
            Assert.Equal(string.Empty, await server.StandardOutput.ReadToEndAsync(timeout.Token));

            // One human line; librdkafka's own log stays off.
            var stderr = await server.StandardError.ReadToEndAsync(timeout.Token);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            StopIfRunning(server);
        }
    }

    [Fact]
    public async Task SIGTERM_stops_the_server_cleanly()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var timeout = new CancellationTokenSource(Clients.Timeout);
        using var server = StartServer();
        try
        {
            Assert.StartsWith(BootstrapPrefix, await server.StandardOutput.ReadLineAsync(timeout.Token), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            await server.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            StopIfRunning(server);
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_with_code_2_and_name_the_argument()
    {
        using var timeout = new CancellationTokenSource(Clients.Timeout);
        using var server = StartServer("--brokers", "many");
        try
        {
            var error = await server.StandardError.ReadToEndAsync(timeout.Token);
            await server.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, server.ExitCode);
            Assert.Contains("--brokers", error, StringComparison.Ordinal);
        }
        finally
        {
            StopIfRunning(server);
        }
    }

    private static Process StartServer(params string[] args)
    {
        // The server project is referenced, so its dll and runtimeconfig are copied next to the tests.
        var serverDll = Path.Combine(AppContext.BaseDirectory, "streamsapp-kafka.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {serverDll}.");
    }

    private static void StopIfRunning(Process server)
    {
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
        }
    }
}
