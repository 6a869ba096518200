using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

public sealed class ServerProcessTests
{
    [Fact]
    public async Task The_server_prints_its_addresses_serves_clients_and_exits_cleanly_when_stdin_closes()
    {
        using var timeout = new CancellationTokenSource(Clients.Timeout);
        using var server = await ServerProcess.StartAndReadAddressesAsync(timeout.Token, "--brokers", "2", "--topic", "events:2");

        Assert.Equal(2, server.BootstrapServers.Split(',').Length);
        Assert.Equal(IPAddress.Loopback.ToString(), server.SchemaRegistryUrl.Host);
        Assert.NotEqual(0, server.SchemaRegistryUrl.Port);
        Assert.Equal("/", server.SchemaRegistryUrl.AbsolutePath);
        Assert.Equal(new Uri(server.SchemaRegistryUrl, "/admin"), server.TopicAdminUrl);

        using (var producer = Clients.Producer(server.BootstrapServers))
        {
            await producer.ProduceAsync("events", new Message<string, string> { Key = "k", Value = "v" }, timeout.Token);
        }

        using (var consumer = Clients.Consumer(server.BootstrapServers, "server-test"))
        {
            consumer.Subscribe("events");
            Assert.Equal("v", Clients.ConsumeExactly(consumer, 1).Single().Message.Value);
        }

        server.Process.StandardInput.Close();
        await server.Process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, server.Process.ExitCode);
        Assert.Equal(string.Empty, await server.Process.StandardOutput.ReadToEndAsync(timeout.Token));

        // One human line; librdkafka's and ASP.NET Core's own logs stay off.
        var stderr = await server.Process.StandardError.ReadToEndAsync(timeout.Token);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task SIGTERM_stops_the_server_cleanly()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var timeout = new CancellationTokenSource(Clients.Timeout);
        using var server = await ServerProcess.StartAndReadAddressesAsync(timeout.Token);

        await DotnetProcess.TerminateAsync(server.Process, timeout.Token);

        await server.Process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, server.Process.ExitCode);
    }

    [Fact]
    public async Task Bad_arguments_exit_with_code_2_and_name_the_argument()
    {
        using var timeout = new CancellationTokenSource(Clients.Timeout);
        using var server = ServerProcess.Start("--brokers", "many");

        var error = await server.Process.StandardError.ReadToEndAsync(timeout.Token);
        await server.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, server.Process.ExitCode);
        Assert.Contains("--brokers", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_HTTP_port_exits_with_code_1_and_names_the_port()
    {
        using var timeout = new CancellationTokenSource(Clients.Timeout);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        using var server = ServerProcess.Start("--http-port", port);

        var error = await server.Process.StandardError.ReadToEndAsync(timeout.Token);
        await server.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, server.Process.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("--http-port", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await server.Process.StandardOutput.ReadToEndAsync(timeout.Token));
    }
}
