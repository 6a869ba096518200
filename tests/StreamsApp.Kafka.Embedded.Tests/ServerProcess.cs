using System.Diagnostics;

namespace StreamsApp.Kafka.Embedded.Tests;

/// <summary>
/// <c>streamsapp-kafka</c> as a child process, always on a free HTTP port (the default, 8081, may be taken), killed on
/// dispose if it still runs.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const string BootstrapPrefix = "bootstrap.servers=";
    private const string RegistryPrefix = "schema.registry.url=";
    private const string AdminPrefix = "topic.admin.url=";

    private ServerProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>The printed <c>bootstrap.servers</c>, once <see cref="ReadAddressesAsync"/> has read it.</summary>
    public string BootstrapServers { get; private set; } = string.Empty;

    /// <summary>The printed <c>schema.registry.url</c>.</summary>
    public Uri SchemaRegistryUrl { get; private set; } = null!;

    /// <summary>The printed <c>topic.admin.url</c>.</summary>
    public Uri TopicAdminUrl { get; private set; } = null!;

    /// <summary>Starts the server; <c>--http-port 0</c> comes first, so a later <c>--http-port</c> in <paramref name="args"/> wins.</summary>
    public static ServerProcess Start(params string[] args)
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
        foreach (var arg in (string[])[serverDll, "--http-port", "0", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {serverDll}."));
    }

    /// <summary>Starts the server and reads its three lines.</summary>
    public static async Task<ServerProcess> StartAndReadAddressesAsync(CancellationToken cancellationToken, params string[] args)
    {
        var server = Start(args);
        try
        {
            await server.ReadAddressesAsync(cancellationToken);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Reads the three lines the server prints at start, in their order.</summary>
    public async Task ReadAddressesAsync(CancellationToken cancellationToken)
    {
        BootstrapServers = await ReadValueAsync(BootstrapPrefix, cancellationToken);
        SchemaRegistryUrl = new Uri(await ReadValueAsync(RegistryPrefix, cancellationToken));
        TopicAdminUrl = new Uri(await ReadValueAsync(AdminPrefix, cancellationToken));
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private async Task<string> ReadValueAsync(string prefix, CancellationToken cancellationToken)
    {
        var line = await Process.StandardOutput.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            // The server exited before printing it: its stderr says why.
            Assert.Fail($"streamsapp-kafka ended before printing {prefix}: {await Process.StandardError.ReadToEndAsync(cancellationToken)}");
        }

        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        return line[prefix.Length..];
    }
}
