using Confluent.Kafka;

namespace StreamsApp.Kafka.Embedded.Tests;

/// <summary>Kafka clients against a bootstrap list, quiet unless a test looks at their errors.</summary>
internal static class Clients
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static IProducer<string, string> Producer(string bootstrapServers, Action<ProducerConfig>? configure = null)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrapServers };
        configure?.Invoke(config);
        return new ProducerBuilder<string, string>(config).SetLogHandler((_, _) => { }).Build();
    }

    public static IConsumer<string, string> Consumer(string bootstrapServers, string groupId, Action<ConsumerConfig>? configure = null)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        configure?.Invoke(config);
        return new ConsumerBuilder<string, string>(config).SetLogHandler((_, _) => { }).Build();
    }

    /// <summary>Consumes until <paramref name="count"/> records arrived; fails after <see cref="Timeout"/>.</summary>
    public static List<ConsumeResult<string, string>> ConsumeExactly(IConsumer<string, string> consumer, int count)
    {
        var results = new List<ConsumeResult<string, string>>();
        var deadline = DateTime.UtcNow + Timeout;
        while (results.Count < count)
        {
            var remaining = deadline - DateTime.UtcNow;
            Assert.True(remaining > TimeSpan.Zero, $"Consumed {results.Count} of {count} records within {Timeout}.");
            var result = consumer.Consume(remaining);
            if (result is { IsPartitionEOF: false })
            {
                results.Add(result);
            }
        }

        return results;
    }
}
