using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Runtime;
using StreamsApp.Contracts.Saga;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// Counts saga outcomes (completed, failed, timed out) by reading <c>saga.events</c> from the start with a private
/// consumer group, for the progress line and <c>/metrics</c>. Counts cover the whole topic, so every worker of an
/// application shows the application's totals.
/// </summary>
public sealed partial class SagaOutcomes(IOptions<WorkerOptions> options, KafkaConnection connection, ILogger<SagaOutcomes> log) : BackgroundService
{
    private long _completed;
    private long _failed;
    private long _timedOut;

    /// <summary>Sagas that completed.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Sagas that failed (after compensating).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Sagas that timed out.</summary>
    public long TimedOut => Interlocked.Read(ref _timedOut);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Consume blocks; a thread of its own keeps it off the thread pool.
        Task.Factory.StartNew(() => Consume(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Consume(CancellationToken stoppingToken)
    {
        var config = ClientProperties.Consumer(options.Value, connection, $"{options.Value.Streams.ApplicationId}-saga-outcomes-{Guid.NewGuid():N}");
        var deserializer = connection.Serdes.Value<SagaEvent>().Deserializer;
        var kafkaLog = new KafkaLogForwarder(log);
        using var consumer = new ConsumerBuilder<string, byte[]>(config).SetLogHandler((_, message) => kafkaLog.Log(message)).Build();
        consumer.Subscribe(Topics.SagaEvents);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (consumer.Consume(stoppingToken) is { Message.Value: { } value } result)
                {
                    Count(deserializer, value, result.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            consumer.Close();
        }
    }

    private void Count(IDeserializer<SagaEvent> deserializer, byte[] value, string topic)
    {
        try
        {
            var message = deserializer.Deserialize(value, false, new SerializationContext(MessageComponentType.Value, topic)).Message;
            switch (message)
            {
                case SagaCompleted completed:
                    Interlocked.Increment(ref _completed);
                    LogCompleted(log, completed.OrderId, completed.ShipmentId);
                    break;
                case SagaFailed failed:
                    Interlocked.Increment(ref _failed);
                    LogFailed(log, failed.OrderId, failed.Reason);
                    break;
                case SagaTimedOut:
                    Interlocked.Increment(ref _timedOut);
                    break;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(log, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saga {OrderId} completed (shipment {ShipmentId})")]
    private static partial void LogCompleted(ILogger logger, string orderId, string shipmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saga {OrderId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A saga event could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
