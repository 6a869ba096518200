using System.Diagnostics;

namespace StreamsApp.TestSupport;

/// <summary>
/// <c>streamsapp-kafka</c> as a child process, always on a free HTTP port (the default, 8081, may be taken), killed on
/// dispose if it still runs. A test project using it references the server project (or this one), which puts
/// <c>streamsapp-kafka.dll</c> next to the tests.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const string BootstrapPrefix = "bootstrap.servers=";
    private const string RegistryPrefix = "schema.registry.url=";
    private const string AdminPrefix = "topic.admin.url=";

    private ServerProcess(Process process) => Process = process;

    /// <summary>The server's process; stdout and stderr are redirected and read by nobody after the three lines.</summary>
    public Process Process { get; }

    /// <summary>The printed <c>bootstrap.servers</c>, once <see cref="ReadAddressesAsync"/> has read it.</summary>
    public string BootstrapServers { get; private set; } = string.Empty;

    /// <summary>The printed <c>schema.registry.url</c>.</summary>
    public Uri SchemaRegistryUrl { get; private set; } = null!;

    /// <summary>The printed <c>topic.admin.url</c>.</summary>
    public Uri TopicAdminUrl { get; private set; } = null!;

    /// <summary>Starts the server; <c>--http-port 0</c> comes first, so a later <c>--http-port</c> in <paramref name="args"/> wins.</summary>
    public static ServerProcess Start(params string[] args) =>
        new(DotnetProcess.Start("streamsapp-kafka.dll", ["--http-port", "0", .. args]));

    /// <summary>Starts the server and reads its three lines.</summary>
    public static async Task<ServerProcess> StartAndReadAddressesAsync(CancellationToken cancellationToken, params string[] args)
    {
        var server = Start(args);
        try
        {
            await server.ReadAddressesAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Reads the three lines the server prints at start, in their order.</summary>
    /// <exception cref="InvalidOperationException">The server ended first (with its stderr), or printed something else.</exception>
    public async Task ReadAddressesAsync(CancellationToken cancellationToken)
    {
        BootstrapServers = await ReadValueAsync(BootstrapPrefix, cancellationToken).ConfigureAwait(false);
        SchemaRegistryUrl = new Uri(await ReadValueAsync(RegistryPrefix, cancellationToken).ConfigureAwait(false));
        TopicAdminUrl = new Uri(await ReadValueAsync(AdminPrefix, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
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
        var line = await Process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            // The server exited before printing it: its stderr says why.
            var error = await Process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"streamsapp-kafka ended before printing {prefix}: {error}");
        }

        return line.StartsWith(prefix, StringComparison.Ordinal)
            ? line[prefix.Length..]
            : throw new InvalidOperationException($"streamsapp-kafka printed '{line}' where {prefix}... was expected.");
    }
}
