using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// Tells requests waiting for an order's outcome (<see cref="WaitAsync"/>) when it comes, reading <c>saga.events</c>
/// from its end with every partition assigned: one consumer per worker, whatever the number of waiting requests.
/// It counts nothing: a topic read under at-least-once can hold an outcome twice, so the outcome metrics come from the
/// saga statistics projection, which counts each saga once (<c>SagaStates</c>).
/// </summary>
public sealed partial class SagaOutcomes(IOptions<WorkerOptions> options, KafkaConnection connection, ILogger<SagaOutcomes> log) : BackgroundService
{
    private readonly Dictionary<string, Waiter> _waiters = new(StringComparer.Ordinal);
    /// <summary>
    /// Waits for the outcome (<see cref="SagaCompleted"/> or <see cref="SagaFailed"/>) of <paramref name="orderId"/>'s
    /// saga read from now on; null when none comes within <paramref name="timeout"/>. Start waiting before publishing
    /// the order, so that an outcome read in between is not missed.
    /// </summary>
    /// <param name="orderId">The order (saga) id.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops waiting (the request was aborted, or answered otherwise): null then too.</param>
    public async Task<ISagaEvent?> WaitAsync(string orderId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Requests waiting for one order share its waiter; the last to stop waiting removes it.
        Waiter waiter;
        lock (_waiters)
        {
            if (!_waiters.TryGetValue(orderId, out waiter!))
            {
                _waiters.Add(orderId, waiter = new Waiter());
            }

            waiter.Waiting++;
        }

        try
        {
            return await waiter.Outcome.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // No outcome in time, or the request stopped waiting (aborted, or answered otherwise).
            return null;
        }
        finally
        {
            lock (_waiters)
            {
                if (--waiter.Waiting == 0)
                {
                    _waiters.Remove(orderId);
                }
            }
        }
    }

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
        try
        {
            // Assigned at the end, not subscribed: only outcomes from now on can have a request waiting, and no group
            // means no rebalance to stall on or to make it read anything twice.
            consumer.Assign(AwaitPartitions(stoppingToken).Select(p => new TopicPartitionOffset(Topics.SagaEvents, p, Offset.End)));
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (consumer.Consume(stoppingToken) is { Message.Value: { } value } result)
                    {
                        Read(deserializer, value, result.Topic);
                    }
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    // A broker outage or a record that cannot be read: the counts wait, the worker goes on.
                    LogUnreadable(log, e.Error.Reason);
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

    /// <summary>The partitions of <c>saga.events</c>, once the topic exists (a cluster set up later, or not yet reachable).</summary>
    private List<int> AwaitPartitions(CancellationToken stoppingToken)
    {
        var kafkaLog = new KafkaLogForwarder(log);
        using var admin = new AdminClientBuilder(ClientProperties.Admin(options.Value, connection)).SetLogHandler((_, message) => kafkaLog.Log(message)).Build();
        var waiting = false;
        while (true)
        {
            try
            {
                // Metadata of every topic: asking for one by name would create it on a cluster that creates topics on demand.
                if (admin.GetMetadata(TimeSpan.FromSeconds(5)).Topics.SingleOrDefault(t => t.Topic == Topics.SagaEvents) is { Error.Code: ErrorCode.NoError, Partitions.Count: > 0 } topic)
                {
                    return [.. topic.Partitions.Select(p => p.PartitionId)];
                }
            }
            catch (KafkaException)
            {
                // Not reachable yet: asked again below.
            }

            if (!waiting)
            {
                waiting = true;
                LogWaitingForTopic(log, Topics.SagaEvents);
            }

            stoppingToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    private void Read(IDeserializer<SagaEvent> deserializer, byte[] value, string topic)
    {
        try
        {
            var message = deserializer.Deserialize(value, false, new SerializationContext(MessageComponentType.Value, topic)).Message;
            switch (message)
            {
                case SagaCompleted completed:
                    LogCompleted(log, completed.OrderId, completed.ShipmentId);
                    Notify(completed.OrderId, completed);
                    break;
                case SagaFailed failed:
                    LogFailed(log, failed.OrderId, failed.Reason);
                    Notify(failed.OrderId, failed);
                    break;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(log, e.Message);
        }
    }

    private void Notify(string orderId, ISagaEvent outcome)
    {
        lock (_waiters)
        {
            if (_waiters.TryGetValue(orderId, out var waiter))
            {
                waiter.Outcome.TrySetResult(outcome);
            }
        }
    }

    /// <summary>The outcome one or more requests wait for, and how many still wait (guarded by the waiters' lock).</summary>
    private sealed class Waiter
    {
        public TaskCompletionSource<ISagaEvent> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Waiting { get; set; }
    }

    // Debug, as each saga's outcome: a couple a second under demo traffic would bury the console, whose progress line
    // counts them (--verbose shows each).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Saga {OrderId} completed (shipment {ShipmentId})")]
    private static partial void LogCompleted(ILogger logger, string orderId, string shipmentId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Saga {OrderId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saga outcomes wait for topic {Topic}, which the cluster does not have (yet)")]
    private static partial void LogWaitingForTopic(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A saga event could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
