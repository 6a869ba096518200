using System.Runtime.CompilerServices;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;
using StreamsApp.TestSupport;
using Xunit.Abstractions;
using static StreamsApp.Streams.Tests.Runtime.RealBroker.RealBrokerClients;

namespace StreamsApp.Streams.Tests.Runtime.RealBroker;

/// <summary>
/// Opt-in, on a real broker (<see cref="RealKafkaFactAttribute"/>): a per-key RocksDB count (8 partitions, keys
/// k0..k999 with 300 records each, produced at 5,000 records/s for a minute; caching off; commit interval 200 ms)
/// runs as two instances in their own processes, which are killed with SIGKILL five times while the input is still
/// being produced, each once it runs its tasks (a session timeout of 6 s, so that every takeover fits in the minute).
/// An instance restarted on its own state directory starts at once and fences what it left open. One restarted on a
/// fresh directory is a new process, whose transactional id fences nothing: it starts once the survivor has taken
/// the killed one's tasks over, and takes some back, so those tasks move twice while the killed one's transaction is
/// still open (the broker aborts it only after the 10 s transaction timeout). Every key's counts are then read with
/// read_committed, in order.
/// </summary>
public sealed class RealBrokerKillTests(ITestOutputHelper output)
{
    private const int Keys = 1000;
    private const int PerKey = 300;
    private const int Partitions = 8;
    private const int RecordsPerSecond = 5000;
    private static readonly TimeSpan ConvergenceTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Where each instance's whole log is written, when set, with librdkafka's debug lines (the test output keeps
    /// warnings only).
    /// </summary>
    private const string LogDirectoryVariable = "STREAMSAPP_TEST_LOG_DIR";

    // When to kill (share of the input acknowledged), whom, and whether it restarts on its own state directory.
    private static readonly (double At, int Victim, bool OwnDirectory)[] Kills =
        [(0.10, 0, true), (0.28, 1, false), (0.46, 0, false), (0.64, 1, true), (0.82, 0, false)];

    [RealKafkaFact]
    public async Task Exactly_once_neither_loses_nor_duplicates_an_update_when_instances_are_killed_mid_stream()
    {
        var (counts, log) = await RunWithKillsAsync(ProcessingGuarantee.ExactlyOnceV2);

        // Caching is off, so each input record yields one count: a key's counts must be exactly 1, 2, ..., 300.
        var expected = Enumerable.Range(1, PerKey).Select(i => (long)i).ToList();
        var wrong = Enumerable.Range(0, Keys).Select(k => $"k{k}")
            .Where(key => !counts.TryGetValue(key, out var values) || !values.SequenceEqual(expected))
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {Keys} keys have gaps or duplicates in their counts; " + Describe(counts, wrong));

        // Whether the run went through the case that lost data before: a task taken over while a killed instance's
        // transaction was still open (it restarted on a fresh directory, so nothing fenced it), then moved again. A
        // kill that lands between a commit and the next transaction's first write leaves none open; in about one run
        // of forty none of the three kills on a fresh directory did, so this is reported, not asserted.
        var waits = log.Count(line => line.Contains("holds a transaction still open", StringComparison.Ordinal));
        output.WriteLine($"restorations that waited for a killed instance's open transaction: {waits}");
    }

    [RealKafkaFact]
    public async Task At_least_once_loses_no_update_when_instances_are_killed_mid_stream()
    {
        var (counts, _) = await RunWithKillsAsync(ProcessingGuarantee.AtLeastOnce);

        // At-least-once may count a record twice after a crash, never zero times.
        var short_ = Enumerable.Range(0, Keys).Select(k => $"k{k}")
            .Where(key => !counts.TryGetValue(key, out var values) || values.Max() < PerKey)
            .ToList();
        Assert.True(short_.Count == 0, $"{short_.Count} of {Keys} keys end below {PerKey}; " + Describe(counts, short_));
    }

    /// <returns>Every key's counts in order, and every line the instances logged.</returns>
    private async Task<(Dictionary<string, List<long>> Counts, List<string> Log)> RunWithKillsAsync(ProcessingGuarantee guarantee)
    {
        var bootstrap = RealKafkaFactAttribute.BootstrapServers!;
        var app = $"kill-{guarantee}-{Guid.NewGuid():N}"[..24].ToLowerInvariant();
        await CreateTopicsAsync(bootstrap, Partitions, KeyCountTopology.Input(app), KeyCountTopology.Output(app));
        using var root = new KafkaTestKit.TempDir();
        var started = new List<WorkerProcess>();
        string[] arguments = ["--topology=keys", "--cache-bytes=0", "--commit-ms=200", "session.timeout.ms=6000", "heartbeat.interval.ms=500"];
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(LogDirectoryVariable)))
        {
            // Logs that are kept are for diagnosis: with librdkafka's group, offset and transaction lines.
            arguments = [.. arguments, "--log-level=Debug", "debug=cgrp,topic,eos"];
        }

        WorkerProcess Start(string directory)
        {
            var process = new WorkerProcess(bootstrap, app, directory, guarantee, arguments);
            started.Add(process);
            return process;
        }

        var directories = 0;
        string NewDirectory() => Directory.CreateDirectory(Path.Combine(root.Path, $"instance-{++directories}")).FullName;
        try
        {
            var instances = new (WorkerProcess Process, string Directory)[2];
            for (var i = 0; i < instances.Length; i++)
            {
                var directory = NewDirectory();
                instances[i] = (Start(directory), directory);
            }

            await Task.WhenAll(instances.Select(i => i.Process.Running)).WaitAsync(KafkaTestKit.WaitTimeout);

            var acknowledged = new StrongBox<long>();
            var producing = ProduceRoundsAsync(bootstrap, KeyCountTopology.Input(app), Keys, PerKey, RecordsPerSecond, acknowledged, CancellationToken.None);
            foreach (var (at, victim, ownDirectory) in Kills)
            {
                // Killed while it runs its tasks, so that it leaves a transaction open (one begins with the first
                // record after each commit), not between a revocation's commit and the next assignment.
                var process = instances[victim].Process;
                await KafkaTestKit.WaitUntil(
                    () => (process.State == "Running" && Interlocked.Read(ref acknowledged.Value) >= at * Keys * PerKey) || producing.IsCompleted);
                Assert.False(producing.IsCompleted, $"the input was all produced before the kill at {at:P0}: the kill would not be mid-stream");
                var survivor = instances[1 - victim].Process;
                var takeovers = survivor.Assignments;
                instances[victim].Process.Kill();
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} killed instance {victim} at {Interlocked.Read(ref acknowledged.Value)} records");
                if (!ownDirectory)
                {
                    // A new process takes the tasks back from the survivor once it has taken them over, within the
                    // killed one's transaction timeout: the tasks move twice while that transaction is still open.
                    await KafkaTestKit.WaitUntil(() => survivor.Assignments > takeovers);
                }

                var directory = ownDirectory ? instances[victim].Directory : NewDirectory();
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} restarting instance {victim} on {(ownDirectory ? "its own" : "a fresh")} state directory");
                instances[victim] = (Start(directory), directory);
            }

            await producing;
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} input complete");
            var counts = ReadCommitted(
                bootstrap, KeyCountTopology.Output(app), seen => seen.Count == Keys && seen.Values.All(v => v[^1] >= PerKey), ConvergenceTimeout);
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} read {counts.Values.Sum(v => v.Count)} counts of {counts.Count} keys");
            return (counts, [.. started.SelectMany(p => p.Log())]);
        }
        finally
        {
            var logDirectory = Environment.GetEnvironmentVariable(LogDirectoryVariable);
            foreach (var (process, index) in started.Select((p, i) => (p, i)))
            {
                process.Dispose();
                if (!string.IsNullOrEmpty(logDirectory))
                {
                    File.WriteAllLines(Path.Combine(Directory.CreateDirectory(logDirectory).FullName, $"{app}-{index}.log"), process.Log());
                }

                // Warnings and errors, and the restorations: what a failure is read from.
                output.WriteLine($"--- instance process {index}:");
                foreach (var line in process.Log().Where(l => !IsDetail(l) || l.Contains("restored changelog", StringComparison.Ordinal)))
                {
                    output.WriteLine(line);
                }
            }
        }
    }

    private static bool IsDetail(string line) => line.Contains(" info: ", StringComparison.Ordinal) || line.Contains(" dbug: ", StringComparison.Ordinal);

    private static string Describe(Dictionary<string, List<long>> counts, List<string> keys) =>
        "for example " + string.Join("; ", keys.Take(5).Select(key =>
            counts.TryGetValue(key, out var values)
                ? $"{key}: {values.Count} counts, last {values[^1]}, first break after {values.TakeWhile((v, i) => v == i + 1).Count()}"
                : $"{key}: no count"));
}
