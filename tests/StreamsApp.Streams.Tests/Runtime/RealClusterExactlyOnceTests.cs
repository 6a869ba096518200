using System.Text;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.TestApp;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// Exactly-once on a real broker (opt-in, see <see cref="RealKafkaFactAttribute"/>): an instance killed mid-stream
/// leaves an open transaction; the survivor takes over, and a read_committed reader sees every input counted
/// exactly once — no count above the number of inputs, and each word's final count exact.
/// </summary>
public sealed class RealClusterExactlyOnceTests
{
    private const int Words = 10;
    private const int PerWord = 200;

    [RealKafkaFact]
    public async Task A_killed_instance_neither_loses_nor_duplicates_any_input_under_exactly_once()
    {
        var bootstrap = RealKafkaFactAttribute.BootstrapServers!;
        var app = "eos-kill-" + Guid.NewGuid().ToString("N")[..8];
        await CreateTopicsAsync(bootstrap, app);
        using var dir1 = new KafkaTestKit.TempDir();
        using var dir2 = new KafkaTestKit.TempDir();
        var config = new StreamsConfig
        {
            ApplicationId = app, BootstrapServers = bootstrap, StateDir = dir1.Path,
            ProcessingGuarantee = ProcessingGuarantee.ExactlyOnceV2,
            KafkaProperties = { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" },
        };
        await using var survivor = new KafkaStreams(CountingTopology.Build(app), config, new KafkaStreamsOptions { HandleShutdownSignals = false });
        await survivor.StartAsync();
        using var victim = new WorkerProcess(
            bootstrap, app, dir2.Path, ProcessingGuarantee.ExactlyOnceV2, "session.timeout.ms=6000", "heartbeat.interval.ms=500");
        await victim.Running.WaitAsync(KafkaTestKit.WaitTimeout);

        var inputs = Enumerable.Range(0, Words * PerWord).Select(i => ($"k{i}", $"w{i % Words}")).ToList();
        Produce(bootstrap, CountingTopology.Input(app), inputs.Take(inputs.Count / 2));
        Produce(bootstrap, CountingTopology.Input(app), inputs.Skip(inputs.Count / 2));
        victim.Kill();

        var seen = ReadCommittedUntil(bootstrap, CountingTopology.Output(app), latest => latest.Count == Words && latest.Values.All(c => c >= PerWord));
        Assert.All(seen.Values, counts => Assert.Equal(PerWord, counts.Max()));
        Assert.All(seen.Values, counts => Assert.Equal(counts.Order(), counts));
    }

    private static async Task CreateTopicsAsync(string bootstrap, string app)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        await admin.CreateTopicsAsync(
        [
            new TopicSpecification { Name = CountingTopology.Input(app), NumPartitions = 3, ReplicationFactor = -1 },
            new TopicSpecification { Name = CountingTopology.Output(app), NumPartitions = 3, ReplicationFactor = -1 },
        ]);
    }

    private static void Produce(string bootstrap, string topic, IEnumerable<(string Key, string Value)> records)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        foreach (var (key, value) in records)
        {
            producer.Produce(topic, new Message<string, string> { Key = key, Value = value });
        }

        Assert.Equal(0, producer.Flush(KafkaTestKit.WaitTimeout));
    }

    /// <summary>Every committed count per word, in order, until <paramref name="done"/> holds for the latest ones.</summary>
    private static Dictionary<string, List<long>> ReadCommittedUntil(
        string bootstrap, string topic, Func<Dictionary<string, long>, bool> done)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest, IsolationLevel = IsolationLevel.ReadCommitted,
        }).Build();
        consumer.Subscribe(topic);
        var seen = new Dictionary<string, List<long>>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!done(seen.ToDictionary(s => s.Key, s => s.Value[^1])))
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out reading committed counts");
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } record)
            {
                var word = Encoding.UTF8.GetString(record.Message.Key);
                (seen.TryGetValue(word, out var counts) ? counts : seen[word] = []).Add(KafkaTestKit.Int64(record.Message.Value));
            }
        }

        return seen;
    }
}
