using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;

// Runs the counting topology of the runtime tests until killed or until stdin closes:
//   streamsapp-testapp <bootstrap> <application-id> <state-dir> <AtLeastOnce|ExactlyOnceV2> [librdkafka-key=value ...]
// Prints "RUNNING" once the instance owns its tasks, so that a test can kill it mid-stream.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: streamsapp-testapp <bootstrap> <application-id> <state-dir> <guarantee> [key=value ...]");
    return 2;
}

var config = new StreamsConfig
{
    BootstrapServers = args[0],
    ApplicationId = args[1],
    StateDir = args[2],
    ProcessingGuarantee = Enum.Parse<ProcessingGuarantee>(args[3]),
    CommitInterval = TimeSpan.FromMilliseconds(100),
    KafkaProperties = args.Skip(4).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
};
await using var streams = new KafkaStreams(StreamsApp.Streams.TestApp.CountingTopology.Build(config.ApplicationId), config, new KafkaStreamsOptions { HandleShutdownSignals = false });
streams.StateChanged += (_, e) =>
{
    if (e.NewState == KafkaStreamsState.Running)
    {
        Console.WriteLine("RUNNING");
    }
};
await streams.StartAsync();
await Console.In.ReadToEndAsync();
return 0;
