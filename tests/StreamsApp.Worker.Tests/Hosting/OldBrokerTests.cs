using StreamsApp.Kafka.Embedded;
using StreamsApp.TestSupport;
using StreamsApp.Topologies.Mission;

namespace StreamsApp.Worker.Tests.Hosting;

/// <summary>
/// The consumer group protocol is the default. A worker whose cluster predates it (no ConsumerGroupHeartbeat, as
/// before Kafka 4.0) ends with exit code 2 and one message naming the setting, where librdkafka alone would retry
/// silently and leave the worker running without tasks.
/// </summary>
public sealed class OldBrokerTests
{
    [Fact]
    public async Task A_cluster_without_the_consumer_protocol_ends_the_worker_with_exit_code_2_naming_the_setting()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaClusterOptions { Topics = [.. MissionTopics.Definitions(3)] });
        cluster.RemoveApi(KafkaApi.ConsumerGroupHeartbeat);
        var state = Directory.CreateTempSubdirectory("streamsapp-old-broker-");
        using var worker = DotnetProcess.Start(
            "StreamsApp.Worker.dll",
            [$"--bootstrap-servers={cluster.BootstrapServers}", "--schema-registry-url=http://127.0.0.1:9", "--http-url=http://127.0.0.1:0", $"--state-dir={state.FullName}"]);
        var stdout = worker.StandardOutput.ReadToEndAsync();
        var stderr = worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var output = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(worker.ExitCode == 2, $"exit code {worker.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
        var message = Assert.Single(output, line => line.Contains("does not speak the consumer group protocol", StringComparison.Ordinal));
        Assert.Contains("--Streams:GroupProtocol=Classic", message, StringComparison.Ordinal);
        Assert.True(output.Length <= 10, $"{output.Length} lines:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
        Assert.DoesNotContain(output, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
        state.Delete(recursive: true);
    }
}
