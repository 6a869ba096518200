using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Errors.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>A node that reads raw records from topics and forwards them deserialized.</summary>
internal abstract class SourceNode(string name) : ProcessorNode(name)
{
    /// <summary>
    /// Gives a raw record its event time, deserializing it only when a typed extractor needs the payload; null when
    /// the record could not be read and the handler chose to skip it.
    /// </summary>
    public abstract StampedRecord? Stamp(ConsumeResult<byte[]?, byte[]?> raw, long partitionTime);

    /// <summary>Deserializes and forwards a record; one the handler chose to skip is dropped or dead-lettered, and counted.</summary>
    public abstract void Process(in StampedRecord record);
}

/// <summary>A typed source node.</summary>
internal sealed class SourceNode<TKey, TValue>(
    string name, ISerde<TKey> keySerde, ISerde<TValue> valueSerde, TimestampExtractor<TKey, TValue>? extractor)
    : SourceNode(name)
{
    private readonly ChildNodes<TKey, TValue> _children = new(name);
    private TaskContext? _context;

    public override (Type Key, Type Value)? OutputTypes => (typeof(TKey), typeof(TValue));

    public override void AddChild(ProcessorNode child) => _children.Add(child);

    public override void Init(TaskContext context) => _context = context;

    public override void Close()
    {
    }

    public override StampedRecord? Stamp(ConsumeResult<byte[]?, byte[]?> raw, long partitionTime)
    {
        if (extractor is null)
        {
            return new StampedRecord(raw, Valid(raw.Timestamp(), raw), null);
        }

        if (!TryDeserialize(raw, out var record))
        {
            return null;
        }

        var timestamp = Valid(extractor(record.Key, record.Value, raw.Timestamp(), partitionTime), raw);
        return new StampedRecord(raw, timestamp, record with { Timestamp = timestamp });
    }

    private static long Valid(long timestamp, ConsumeResult<byte[]?, byte[]?> raw) =>
        timestamp >= 0
            ? timestamp
            : throw new StreamsException(
                $"Record from {raw.Topic}-{raw.Partition.Value} at offset {raw.Offset.Value} has an invalid (negative) " +
                $"timestamp {timestamp}: the producer or the timestamp extractor must give event times >= 0");

    public override void Process(in StampedRecord stamped)
    {
        if (stamped.Decoded is Record<TKey, TValue> decoded)
        {
            _children.Forward(decoded);
        }
        else if (TryDeserialize(stamped.Raw, out var record))
        {
            _children.Forward(record with { Timestamp = stamped.Timestamp });
        }
    }

    /// <summary>
    /// Bytes read as bytes are the consumer's own array, as Java's ByteArrayDeserializer returns it: the span-based
    /// deserializer interface would copy every key and value.
    /// </summary>
    private static T Deserialize<T>(Serialization.ISerde<T> serde, byte[]? data, SerializationContext context) =>
        ReferenceEquals(serde, Serialization.Internal.ByteArraySerde.Instance)
            ? (T)(object)data!
            : serde.Deserializer.Deserialize(data, data is null, context);

    private bool TryDeserialize(ConsumeResult<byte[]?, byte[]?> raw, out Record<TKey, TValue> record)
    {
        var headers = raw.Message.Headers ?? new Headers();
        try
        {
            var key = Deserialize(keySerde, raw.Message.Key, new SerializationContext(MessageComponentType.Key, raw.Topic, headers));
            var value = Deserialize(valueSerde, raw.Message.Value, new SerializationContext(MessageComponentType.Value, raw.Topic, headers));
            record = new Record<TKey, TValue>(key, value, raw.Timestamp(), headers);
            return true;
        }
        catch (Exception e) when (e is not StreamsException || e is SerdeException)
        {
            record = default;
            var context = _context!;
            // From raw, not the task's current record: Stamp runs while the record is buffered, before it is current.
            var errorContext = ErrorHandlerContext.Of(raw, Name, raw.Timestamp(), context.TaskId);
            var response = context.Config.DeserializationExceptionHandler.Handle(errorContext, raw, e);
            if (!FailedRecordRouter.TryRoute(context, response, errorContext, e))
            {
                context.Log.DeserializationFailed(e, raw.Topic, raw.Partition.Value, raw.Offset.Value);
                throw new StreamsException(
                    $"Deserialization exception handler is set to fail upon a deserialization error: record from " +
                    $"{raw.Topic}-{raw.Partition.Value} at offset {raw.Offset.Value} could not be read as " +
                    $"<{typeof(TKey).Name}, {typeof(TValue).Name}>: {e.Message}", e);
            }

            return false;
        }
    }
}
