namespace StreamsApp.Streams.Errors;

/// <summary>
/// The headers the engine adds to a dead-letter record, next to the source record's own headers. Every value is a
/// UTF-8 string; numbers are written in invariant decimal form. The names extend Kafka Streams' KIP-1034 family
/// (<c>__streams.errors.*</c>), so tools that read Kafka's dead-letter records read ours. Headers of this family that
/// the source record already carried (it was itself replayed from a DLT) are replaced, not repeated.
/// </summary>
public static class DeadLetterHeaders
{
    /// <summary>The prefix of every header below.</summary>
    public const string Prefix = "__streams.errors.";

    /// <summary>The source record's topic.</summary>
    public const string Topic = Prefix + "topic";

    /// <summary>The source record's partition.</summary>
    public const string Partition = Prefix + "partition";

    /// <summary>The source record's offset.</summary>
    public const string Offset = Prefix + "offset";

    /// <summary>The source record's timestamp, milliseconds since the Unix epoch.</summary>
    public const string Timestamp = Prefix + "timestamp";

    /// <summary>The consumer group that read it: the application id.</summary>
    public const string ConsumerGroup = Prefix + "consumer.group";

    /// <summary>The full type name of the exception.</summary>
    public const string ExceptionClass = Prefix + "exception";

    /// <summary>The exception's message.</summary>
    public const string ExceptionMessage = Prefix + "message";

    /// <summary>The exception's <see cref="Exception.ToString"/> (inner exceptions included), cut to <see cref="MaxStackTraceBytes"/>.</summary>
    public const string StackTrace = Prefix + "stacktrace";

    /// <summary>
    /// How many times the record has failed: 1, or one more than the source record's own value of this header when
    /// it was replayed from a DLT.
    /// </summary>
    public const string AttemptCount = Prefix + "attempts";

    /// <summary>The processor node that failed: the source (deserialization), a processor, or the sink (production).</summary>
    public const string ProcessorNode = Prefix + "processor.node";

    /// <summary>The most UTF-8 bytes of <see cref="StackTrace"/> kept (4 KiB), cut on a character boundary.</summary>
    public const int MaxStackTraceBytes = 4096;
}
