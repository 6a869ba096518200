using System.Runtime.InteropServices;
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

var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopGracefully);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopGracefully);

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

// A parent process reads exactly this line; it must not wait in a buffer.
await Console.Out.WriteLineAsync($"bootstrap.servers={cluster.BootstrapServers}");
await Console.Out.FlushAsync();
await Console.Error.WriteLineAsync(
    $"Embedded Kafka cluster (librdkafka mock, {cluster.BrokerCount} broker(s), {arguments.Options.Topics.Count} topic(s)) " +
    $"at {cluster.BootstrapServers}. Development only: in memory. Stop with Ctrl-C, SIGTERM or by closing stdin.");

await Task.WhenAny(StdinClosed(), stopRequested.Task);
return 0;

void StopGracefully(PosixSignalContext context)
{
    // Cancel the default termination so the cluster is disposed on the way out of Main.
    context.Cancel = true;
    stopRequested.TrySetResult();
}

// Whatever arrives on stdin is discarded (in blocks, so even endless input uses no memory); only its end matters.
static Task StdinClosed() => Task.Run(async () =>
{
    await using var stdin = Console.OpenStandardInput();
    var buffer = new byte[4096];
    while (await stdin.ReadAsync(buffer) > 0)
    {
    }
});
