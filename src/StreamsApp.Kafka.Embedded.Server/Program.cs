using StreamsApp.Kafka.Embedded;
using StreamsApp.Kafka.Embedded.Server;

const int StartFailed = 1;
const int BadArguments = 2;

if (!ServerArguments.TryParse(args, out var arguments, out var error))
{
    await Console.Error.WriteLineAsync($"streamsapp-kafka: {error}{Environment.NewLine}Try 'streamsapp-kafka --help'.");
    return BadArguments;
}

if (arguments.ShowHelp)
{
    await Console.Out.WriteLineAsync(ServerArguments.Usage);
    return 0;
}

EmbeddedKafkaCluster cluster;
try
{
    cluster = EmbeddedKafkaCluster.Start(arguments.Options);
}
catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or Confluent.Kafka.KafkaException)
{
    await Console.Error.WriteLineAsync($"streamsapp-kafka: the cluster did not start: {e.Message}");
    return StartFailed;
}

await using var disposeCluster = cluster;

ClusterHttpEndpoint http;
try
{
    http = await ClusterHttpEndpoint.StartAsync(cluster, arguments.HttpPort);
}
catch (IOException e)
{
    await Console.Error.WriteLineAsync(
        $"streamsapp-kafka: the HTTP endpoint did not start on 127.0.0.1:{arguments.HttpPort} (try --http-port): {e.Message}");
    return StartFailed;
}

await using var disposeHttp = http;

// A parent process reads exactly these lines; they must not wait in a buffer.
await Console.Out.WriteLineAsync($"bootstrap.servers={cluster.BootstrapServers}");
await Console.Out.WriteLineAsync($"schema.registry.url={http.SchemaRegistryUrl.GetLeftPart(UriPartial.Authority)}");
await Console.Out.WriteLineAsync($"topic.admin.url={http.TopicAdminUrl}");
await Console.Out.FlushAsync();
await Console.Error.WriteLineAsync(
    $"Embedded Kafka cluster (librdkafka mock, {cluster.BrokerCount} broker(s), {arguments.Options.Topics.Count} topic(s)) " +
    $"at {cluster.BootstrapServers}, Schema Registry and topic admin at {http.SchemaRegistryUrl.GetLeftPart(UriPartial.Authority)}. " +
    "Development only: in memory. Stop with Ctrl-C, SIGTERM or by closing stdin.");

// The web host handles SIGINT and SIGTERM: it cancels the default termination and signals Stopping, so the
// endpoint and the cluster are disposed on the way out of Main.
await Task.WhenAny(StdinClosed(), Task.Delay(Timeout.Infinite, http.Stopping));
return 0;

// Whatever arrives on stdin is discarded (in blocks, so even endless input uses no memory); only its end matters.
static Task StdinClosed() => Task.Run(async () =>
{
    await using var stdin = Console.OpenStandardInput();
    var buffer = new byte[4096];
    while (await stdin.ReadAsync(buffer) > 0)
    {
    }
});
