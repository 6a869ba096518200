using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using StreamsApp.Streams;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;

// Runs a runtime-test topology until killed or until stdin closes:
//   streamsapp-testapp <bootstrap> <application-id> <state-dir> <AtLeastOnce|ExactlyOnceV2>
//                      [--topology=words|keys] [--store=rocksdb|memory] [--cache-bytes=N] [--commit-ms=N] [--standbys=N] [--application-server=host:port]
//                      [--group-protocol=Classic|Consumer] [--log-level=Debug] [--record-ms=N (keys: work per record)]
//                      [librdkafka-key=value ...]
// words (default) counts words through a repartition topic (CountingTopology); keys counts per key
// (KeyCountTopology). Prints "RUNNING" whenever the instance reaches Running, so a test can kill it mid-stream.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: streamsapp-testapp <bootstrap> <application-id> <state-dir> <guarantee> [--option=value ...] [key=value ...]");
    return 2;
}

var options = args.Skip(4).Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => a[2..].Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
var config = new StreamsConfig
{
    BootstrapServers = args[0],
    ApplicationId = args[1],
    StateDir = args[2],
    ProcessingGuarantee = Enum.Parse<ProcessingGuarantee>(args[3]),
    CommitInterval = TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("commit-ms", "100"), CultureInfo.InvariantCulture)),
    KafkaProperties = args.Skip(4).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
};
if (options.TryGetValue("group-protocol", out var protocol))
{
    config.GroupProtocol = Enum.Parse<GroupProtocol>(protocol);
}

if (options.TryGetValue("application-server", out var server))
{
    config.ApplicationServer = server;
}

if (options.TryGetValue("standbys", out var standbys))
{
    config.NumStandbyReplicas = int.Parse(standbys, CultureInfo.InvariantCulture);
}

if (options.TryGetValue("cache-bytes", out var cacheBytes))
{
    config.CacheMaxBytesBuffering = long.Parse(cacheBytes, CultureInfo.InvariantCulture);
}

var inMemory = options.GetValueOrDefault("store", "rocksdb") switch
{
    "rocksdb" => false,
    "memory" => true,
    var other => throw new ArgumentException($"unknown store '{other}'"),
};
var topology = options.GetValueOrDefault("topology", "words") switch
{
    "keys" => KeyCountTopology.Build(
        config.ApplicationId, TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("record-ms", "0"), CultureInfo.InvariantCulture)), inMemory),
    "words" => CountingTopology.Build(config.ApplicationId, inMemory),
    var other => throw new ArgumentException($"unknown topology '{other}'"),
};
// The log goes to stderr (stdout carries "RUNNING"), which the tests keep for their failure messages.
using var logging = LoggerFactory.Create(builder =>
{
    // Debug lets librdkafka's own debug lines through (with its `debug` property set), for a failure's diagnosis.
    builder.SetMinimumLevel(Enum.Parse<LogLevel>(options.GetValueOrDefault("log-level", nameof(LogLevel.Information))));
    builder.AddSimpleConsole(console =>
    {
        console.TimestampFormat = "HH:mm:ss.fff ";
        console.SingleLine = true;
    });
    builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
});
await using var streams = new KafkaStreams(topology, config, new KafkaStreamsOptions { HandleShutdownSignals = false, LoggerFactory = logging });
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
