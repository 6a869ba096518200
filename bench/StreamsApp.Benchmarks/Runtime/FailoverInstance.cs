using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Benchmarks.Runtime;

/// <summary>
/// The failover benchmark's application: a count per key (RocksDB or in memory, change-logged) over the input's partitions, run by
/// the benchmark itself (the survivor) and by a second process of the benchmark (the victim), which the benchmark
/// kills with SIGKILL or closes by closing its standard input.
/// </summary>
internal static class FailoverInstance
{
    public const string Store = "failover-counts";

    /// <summary>The command line argument that makes the benchmark run as the victim.</summary>
    public const string VictimCommand = "failover-victim";

    private const string RunningLine = "RUNNING";

    public static Topology Build(string input, bool inMemory)
    {
        var builder = new StreamsBuilder();
        builder.Stream(input, Consumed.With(Serdes.String(), Serdes.ByteArray()))
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.ByteArray()))
            .Count(materialized: inMemory ? Materialized.As<string, long>(Stores.InMemoryKeyValueStore(Store)) : Materialized.As<string, long>(Store));
        return builder.Build();
    }

    /// <summary>
    /// The instances' configuration: a 6 s session (the embedded cluster's under the consumer protocol, set on the
    /// clients under the classic one), 100 ms commits, the given standbys.
    /// </summary>
    public static StreamsConfig Config(string bootstrapServers, string applicationId, string stateDir, GroupProtocol protocol, int standbys) => new()
    {
        ApplicationId = applicationId,
        BootstrapServers = bootstrapServers,
        StateDir = stateDir,
        GroupProtocol = protocol,
        NumStandbyReplicas = standbys,
        CommitInterval = TimeSpan.FromMilliseconds(100),
        KafkaProperties = protocol == GroupProtocol.Classic
            ? new(StringComparer.Ordinal) { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" }
            : new(StringComparer.Ordinal),
    };

    /// <summary>Starts the victim: this benchmark again, in its own process.</summary>
    public static Process StartVictim(
        string bootstrapServers, string applicationId, string input, string stateDir, GroupProtocol protocol, int standbys, bool inMemory)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (var argument in new[] { VictimCommand, bootstrapServers, applicationId, input, stateDir, protocol.ToString(), standbys.ToString(CultureInfo.InvariantCulture), StoreName(inMemory) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("cannot start the victim process");
    }

    /// <summary>Waits until the victim reports that it reached Running.</summary>
    public static void WaitUntilRunning(Process victim)
    {
        while (victim.StandardOutput.ReadLine() is { } line)
        {
            if (line == RunningLine)
            {
                return;
            }
        }

        throw new InvalidOperationException($"the victim exited with {victim.ExitCode} before it ran");
    }

    /// <summary>The victim's life: runs until its standard input closes, then closes cleanly.</summary>
    /// <param name="args">bootstrap servers, application id, input topic, state directory, group protocol, standbys, store.</param>
    public static void RunVictim(string[] args)
    {
        var config = Config(args[0], args[1], args[3], Enum.Parse<GroupProtocol>(args[4]), int.Parse(args[5], CultureInfo.InvariantCulture));
        using var streams = new KafkaStreams(Build(args[2], args[6] == StoreName(inMemory: true)), config, new KafkaStreamsOptions { HandleShutdownSignals = false });
        streams.StateChanged += (_, e) =>
        {
            if (e.NewState == KafkaStreamsState.Running)
            {
                Console.WriteLine(RunningLine);
            }
        };
        streams.Start();
        Console.In.ReadToEnd();
    }

    /// <summary>How the benchmark names the store kind.</summary>
    public static string StoreName(bool inMemory) => inMemory ? "memory" : "rocksdb";
}
