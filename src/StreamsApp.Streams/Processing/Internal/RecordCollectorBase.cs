using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Confluent.Kafka;
using StreamsApp.Streams.Diagnostics.Internal;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Errors.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Serializes sink records, picks their partition and applies the production exception handler the same way in the
/// runtime and the test driver; subclasses only move bytes and report failed deliveries through
/// <see cref="OnDeliveryFailed"/>.
/// </summary>
internal abstract class RecordCollectorBase : IRecordCollector
{
    // The runtime tracks offsets from delivery reports, on librdkafka's thread.
    private readonly ConcurrentDictionary<(string Topic, int Partition), long> _offsets = new();

    // Failed deliveries are reported on the producer's thread; the task handles them (handler, dead letter) on its
    // own thread at its next send or flush, so handlers, metrics and dead-letter sends never run concurrently with it.
    private readonly ConcurrentQueue<FailedDelivery> _failedDeliveries = new();

    // Kafka's RecordCollectorImpl.sendException: the first failure the handler did not absorb fails the task.
    private Exception? _sendException;

    public bool TryGetOffset(string topic, int partition, out long offset) => _offsets.TryGetValue((topic, partition), out offset);

    public void Send<TKey, TValue>(
        string topic, Record<TKey, TValue> record, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        StreamPartitioner<TKey, TValue>? partitioner, SendOrigin origin)
    {
        ThrowIfSendFailed();
        byte[]? keyBytes;
        byte[]? valueBytes;
        try
        {
            keyBytes = Serialize(keySerde, record.Key, topic, MessageComponentType.Key, record.Headers, origin.SinkName);
            valueBytes = Serialize(valueSerde, record.Value, topic, MessageComponentType.Value, record.Headers, origin.SinkName);
        }
        catch (StreamsException e)
        {
            OnSerializationFailed(origin, topic, record.Key, record.Value, e);
            return;
        }

        var partition = partitioner?.Invoke(topic, record.Key, record.Value, PartitionCount(topic)) ?? KeyPartition(topic, keyBytes);
        var headers = record.Headers.Count == 0 ? null : record.Headers;
        using var activity = StreamsActivities.StartSend(topic, partition, headers);
        if (activity is not null)
        {
            headers = StreamsActivities.Carrying(activity, headers);
        }

        Track(topic, SendSerialized(topic, partition, keyBytes, valueBytes, headers, record.Timestamp, origin));
    }

    public void Send(string topic, int partition, byte[] key, byte[]? value, long timestamp)
    {
        ThrowIfSendFailed();
        Track(topic, SendSerialized(topic, partition, key, value, null, timestamp, null));
    }

    public void SendDeadLetter(DeadLetterRecord record)
    {
        // No sticky-failure check: a dead letter is written while a failure is being handled.
        // Spring's convention: the same partition number, so a DLT partitioned like its source keeps records apart
        // the same way; a DLT with fewer partitions gets the key's partition instead.
        var partition = record.SourcePartition < PartitionCount(record.Topic)
            ? record.SourcePartition
            : KeyPartition(record.Topic, record.Key);
        Track(record.Topic, SendSerialized(record.Topic, partition, record.Key, record.Value, record.Headers, record.Timestamp, null));
    }

    public void Flush()
    {
        ThrowIfSendFailed();
        FlushSends();
        if (HandleFailedDeliveries())
        {
            // Dead letters written for failed deliveries must be acknowledged before the task commits.
            FlushSends();
        }

        ThrowIfSendFailed();
    }

    /// <summary>Waits until everything sent so far is acknowledged (delivery failures reported).</summary>
    protected abstract void FlushSends();

    /// <summary>The number of partitions of an output topic.</summary>
    protected abstract int PartitionCount(string topic);

    /// <summary>
    /// Sends the bytes; a null partition lets the producer choose. Returns the partition and offset when known.
    /// <paramref name="origin"/> is null for the engine's own records (changelog, dead-letter); a subclass that learns
    /// of failures later keeps it for <see cref="OnDeliveryFailed"/>.
    /// </summary>
    protected abstract (int Partition, long Offset)? SendSerialized(
        string topic, int? partition, byte[]? key, byte[]? value, Headers? headers, long timestamp, SendOrigin? origin);

    /// <summary>Records an acknowledged offset (the runtime calls this from delivery reports).</summary>
    protected void Track(string topic, (int Partition, long Offset)? sent)
    {
        if (sent is { } s)
        {
            _offsets[(topic, s.Partition)] = s.Offset;
        }
    }

    /// <summary>
    /// Reports a record the broker rejected; a subclass calls it from its delivery handler, on any thread. The task
    /// applies the production exception handler at its next send or flush: Fail is thrown; Continue drops and counts
    /// the record; DeadLetter dead-letters the source record captured in <paramref name="origin"/> (failing when there
    /// is none and the fallback is Fail). A record without origin (changelog, dead-letter) always fails.
    /// </summary>
    /// <param name="destination">Where the record was sent.</param>
    /// <param name="record">The rejected record.</param>
    /// <param name="error">The producer's error.</param>
    /// <param name="origin">What <see cref="SendSerialized"/> was given.</param>
    protected void OnDeliveryFailed(TopicPartition destination, Message<byte[]?, byte[]?> record, Exception error, SendOrigin? origin) =>
        _failedDeliveries.Enqueue(new FailedDelivery(destination, record, error, origin));

    /// <summary>Handles the failed deliveries reported so far, on the task's thread; true when there were any.</summary>
    private bool HandleFailedDeliveries()
    {
        var any = false;
        while (_failedDeliveries.TryDequeue(out var failed))
        {
            HandleFailedDelivery(failed.Destination, failed.Record, failed.Error, failed.Origin);
            any = true;
        }

        return any;
    }

    private void HandleFailedDelivery(TopicPartition destination, Message<byte[]?, byte[]?> record, Exception error, SendOrigin? origin)
    {
        if (origin is not { } o)
        {
            Remember(new FailedProductionException(null, destination.Topic, error));
            return;
        }

        if (ApplyHandler(o, destination.Topic, error, c => Handler(o).Handle(c, destination, record, error)) is { } failure)
        {
            o.Task.Log.DeliveryFailed(error, o.SinkName, destination.Topic, destination.Partition.Value);
            Remember(failure);
        }
    }

    /// <summary>Out of <c>Send</c>, whose parameters the handler's lambda would otherwise hoist into a closure on every call.</summary>
    private static void OnSerializationFailed(SendOrigin origin, string topic, object? key, object? value, StreamsException error)
    {
        if (ApplyHandler(origin, topic, error, c => Handler(origin).HandleSerializationException(c, topic, key, value, error)) is { } failure)
        {
            origin.Task.Log.SerializationFailed(error, origin.SinkName, topic);
            throw failure;
        }
    }

    private static IProductionExceptionHandler Handler(SendOrigin origin) => origin.Task.Config.ProductionExceptionHandler;

    /// <summary>
    /// Asks the handler and carries out its response; returns the exception that must fail the task, if any (the caller
    /// logs that failure; a record dead-lettered or dropped is logged by <see cref="FailedRecordRouter"/>).
    /// </summary>
    private static FailedProductionException? ApplyHandler(
        SendOrigin origin, string topic, Exception error, Func<ErrorHandlerContext, ExceptionHandlerResponse> handle)
    {
        var context = origin.ErrorContext();
        try
        {
            return FailedRecordRouter.TryRoute(origin.Task, handle(context), context, error)
                ? null
                : new FailedProductionException(context, topic, error);
        }
        catch (Exception handlerOrDeadLetterError)
        {
            // A throwing handler, or a dead-letter send that failed at once: failing is the only way not to lose the record.
            return new FailedProductionException(context, topic, handlerOrDeadLetterError);
        }
    }

    private void Remember(Exception failure) => Interlocked.CompareExchange(ref _sendException, failure, null);

    private void ThrowIfSendFailed()
    {
        HandleFailedDeliveries();
        if (Volatile.Read(ref _sendException) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private readonly record struct FailedDelivery(
        TopicPartition Destination, Message<byte[]?, byte[]?> Record, Exception Error, SendOrigin? Origin);

    /// <summary>The sink's default partitioning: murmur2 of the key bytes, as Kafka's producer; null (producer's choice) without a key.</summary>
    private int? KeyPartition(string topic, byte[]? keyBytes)
    {
        if (keyBytes is null)
        {
            return null;
        }

        var count = PartitionCount(topic);
        return count == 1 ? 0 : Murmur2Partitioner.Partition(keyBytes, count);
    }

    private static byte[]? Serialize<T>(
        ISerde<T> serde, T data, string topic, MessageComponentType component, Headers headers, string sinkName)
    {
        try
        {
            return serde.Serializer.Serialize(data, new SerializationContext(component, topic, headers));
        }
        catch (Exception e) when (e is not StreamsException)
        {
            throw new StreamsException(
                $"Sink '{sinkName}' cannot serialize the record's {component.ToString().ToLowerInvariant()} " +
                $"({typeof(T).Name}) for topic '{topic}': {e.Message}", e);
        }
    }
}
