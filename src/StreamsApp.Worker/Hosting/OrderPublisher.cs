using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Runtime;
using StreamsApp.Contracts.Orders;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>Publishes <see cref="OrderCreated"/> events to <c>orders.events</c>, keyed by order id, Avro-encoded, each starting a trace.</summary>
public sealed class OrderPublisher : IDisposable
{
    private readonly IProducer<string, OrderCreated> _producer;

    /// <summary>Creates the producer.</summary>
    /// <param name="options">The worker's options (client properties).</param>
    /// <param name="connection">The cluster and registry.</param>
    /// <param name="log">Where the producer's own log lines go, throttled (<see cref="KafkaLogForwarder"/>).</param>
    public OrderPublisher(IOptions<WorkerOptions> options, KafkaConnection connection, ILogger<OrderPublisher> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        var config = ClientProperties.Producer(options.Value, connection);
        var kafkaLog = new KafkaLogForwarder(log);
        _producer = new ProducerBuilder<string, OrderCreated>(config)
            .SetValueSerializer(connection.Serdes.Value<OrderCreated>().Serializer)
            .SetLogHandler((_, message) => kafkaLog.Log(message))
            .Build();
    }

    /// <summary>Publishes <paramref name="order"/> and waits for the broker's acknowledgement.</summary>
    /// <param name="order">The order event (not validated here: the intake topology dead-letters invalid ones).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The trace the order starts.</returns>
    public async Task<TraceHeaders> PublishAsync(OrderCreated order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var trace = TraceHeaders.Start(order.OrderId);
        await _producer.ProduceAsync(
            Topics.OrderEvents,
            new Message<string, OrderCreated> { Key = order.OrderId, Value = order, Headers = trace.ToHeaders() },
            cancellationToken).ConfigureAwait(false);
        return trace;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
