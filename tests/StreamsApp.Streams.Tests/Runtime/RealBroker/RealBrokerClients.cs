using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace StreamsApp.Streams.Tests.Runtime.RealBroker;

/// <summary>The plain clients the real-broker tests drive the broker with: topics, paced input, committed output.</summary>
internal static class RealBrokerClients
{
    public static async Task CreateTopicsAsync(string bootstrap, int partitions, params string[] topics)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        await admin.CreateTopicsAsync(
            topics.Select(t => new TopicSpecification { Name = t, NumPartitions = partitions, ReplicationFactor = -1 }));
    }

    /// <summary>
    /// Produces <paramref name="rounds"/> rounds of one record per key, at most <paramref name="recordsPerSecond"/>,
    /// counting what the broker acknowledged in <paramref name="progress"/> so that a test can act at given points.
    /// </summary>
    public static async Task ProduceRoundsAsync(
        string bootstrap, string topic, int keys, int rounds, int recordsPerSecond, StrongBox<long> progress, CancellationToken cancellationToken)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = bootstrap, EnableIdempotence = true, LingerMs = 5,
        }).Build();
        Error? failure = null;
        var clock = Stopwatch.StartNew();
        for (var round = 1; round <= rounds; round++)
        {
            for (var key = 0; key < keys; key++)
            {
                producer.Produce(topic, new Message<string, string> { Key = $"k{key}", Value = $"r{round}" }, report =>
                {
                    if (report.Error.IsError)
                    {
                        failure = report.Error;
                    }
                    else
                    {
                        Interlocked.Increment(ref progress.Value);
                    }
                });
            }

            // The pace, not a wait for a condition: input keeps arriving while instances are killed.
            var due = TimeSpan.FromSeconds((double)round * keys / recordsPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }
        }

        if (producer.Flush(TimeSpan.FromSeconds(60)) > 0 || failure is not null)
        {
            throw new InvalidOperationException($"The input was not all acknowledged: {failure?.Reason ?? "timed out after 60 s"}");
        }
    }

    /// <summary>
    /// Reads <paramref name="topic"/> from the beginning with read_committed, keeping every key's values in order,
    /// until <paramref name="done"/> holds, then on to the end offsets of that moment (so a duplicate written after
    /// the last expected value is seen too), or until <paramref name="timeout"/> passes; returns what it read either
    /// way, so that a test can report what is missing rather than only that it timed out.
    /// </summary>
    public static Dictionary<string, List<long>> ReadCommitted(
        string bootstrap, string topic, Func<IReadOnlyDictionary<string, List<long>>, bool> done, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest, IsolationLevel = IsolationLevel.ReadCommitted, EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var seen = new Dictionary<string, List<long>>();
        var deadline = DateTime.UtcNow + timeout;
        bool Next()
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } record)
            {
                return false;
            }

            var key = Encoding.UTF8.GetString(record.Message.Key);
            (seen.TryGetValue(key, out var values) ? values : seen[key] = []).Add(KafkaTestKit.Int64(record.Message.Value));
            return true;
        }

        while (!done(seen) && DateTime.UtcNow < deadline)
        {
            Next();
        }

        var ends = consumer.Assignment.Select(p => (Partition: p, End: consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High)).ToList();
        while (ends.Any(e => e.End > 0 && consumer.Position(e.Partition).Value < e.End) && DateTime.UtcNow < deadline)
        {
            Next();
        }

        consumer.Close();
        return seen;
    }
}
