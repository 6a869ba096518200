using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Embedded;

/// <summary>Writes the demo's customers, products and stock levels before the topology starts (when the demo is on).</summary>
internal sealed partial class DemoSeeder(IOptions<WorkerOptions> options, KafkaConnection connection, ILogger<DemoSeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoEnabled)
        {
            return;
        }

        var config = ClientProperties.Producer(options.Value, connection);
        var kafkaLog = new KafkaLogForwarder(log);
        using var producer = new ProducerBuilder<string, byte[]>(config).SetLogHandler((_, message) => kafkaLog.Log(message)).Build();
        var count = await ProduceAllAsync(producer, Topics.CustomerProfiles, DemoCatalog.Customers(), c => c.CustomerId, cancellationToken).ConfigureAwait(false)
            + await ProduceAllAsync(producer, Topics.ProductCatalog, DemoCatalog.Products(), p => p.ProductId, cancellationToken).ConfigureAwait(false)
            + await ProduceAllAsync(producer, Topics.InventoryStock, DemoCatalog.StockLevels(), s => s.ProductId, cancellationToken).ConfigureAwait(false);
        LogSeeded(log, count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> ProduceAllAsync<T>(
        IProducer<string, byte[]> producer, string topic, IReadOnlyList<T> values, Func<T, string> keyOf, CancellationToken cancellationToken)
        where T : class
    {
        var serializer = connection.Serdes.Value<T>().Serializer;
        var context = new SerializationContext(MessageComponentType.Value, topic);
        foreach (var value in values)
        {
            var message = new Message<string, byte[]> { Key = keyOf(value), Value = serializer.Serialize(value, context) };
            await producer.ProduceAsync(topic, message, cancellationToken).ConfigureAwait(false);
        }

        return values.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo customers, products and stock levels")]
    private static partial void LogSeeded(ILogger logger, int count);
}
