using StreamsApp.TestSupport;

namespace StreamsApp.Worker.Tests.Hosting;

/// <summary>
/// A production deployment that forgets its bootstrap servers fails at start, with exit code 2 and a message naming
/// the key, rather than running the embedded demo cluster and reporting healthy.
/// </summary>
public sealed class ProductionModeTests
{
    [Fact]
    public async Task A_worker_without_a_cluster_in_production_ends_with_exit_code_2_naming_the_key()
    {
        using var worker = DotnetProcess.Start("StreamsApp.Worker.dll", ["--environment=Production", "--http-url=http://127.0.0.1:0"]);
        var stdout = worker.StandardOutput.ReadToEndAsync();
        var stderr = worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var output = await stdout + await stderr;

        Assert.True(worker.ExitCode == 2, $"exit code {worker.ExitCode}:{Environment.NewLine}{output}");
        Assert.Contains("Invalid configuration: Streams:BootstrapServers is not set", output, StringComparison.Ordinal);
        Assert.Contains("Kafka:Mode=Embedded", output, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded cluster at", output, StringComparison.Ordinal);
    }
}
