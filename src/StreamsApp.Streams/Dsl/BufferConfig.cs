namespace StreamsApp.Streams.Dsl;

/// <summary>
/// How much a suppression may buffer (records, bytes) and what happens when it is full: a
/// <see cref="StrictBufferConfig"/> stops the application rather than emit early, an <see cref="EagerBufferConfig"/>
/// emits the oldest records early (Kafka Streams' <c>Suppressed.BufferConfig</c>). The buffer is change-logged unless
/// logging is disabled, so it survives a restart.
/// </summary>
public abstract record BufferConfig
{
    private protected BufferConfig()
    {
    }

    /// <summary>The most records the buffer holds; <see cref="long.MaxValue"/> when unbounded.</summary>
    public long MaxRecordCount { get; init; } = long.MaxValue;

    /// <summary>The most bytes the buffer holds (serialized keys and changelog values); <see cref="long.MaxValue"/> when unbounded.</summary>
    public long MaxByteCount { get; init; } = long.MaxValue;

    /// <summary>Whether the buffer is change-logged (default true).</summary>
    public bool LoggingEnabled { get; init; } = true;

    /// <summary>Extra topic configs for the buffer's changelog topic.</summary>
    public IReadOnlyDictionary<string, string>? LogConfig { get; init; }

    /// <summary>A buffer without limits; it can only fill up the memory, and then the application stops.</summary>
    public static StrictBufferConfig Unbounded() => new();

    /// <summary>A buffer of at most <paramref name="records"/> records that emits the oldest early when full.</summary>
    public static EagerBufferConfig MaxRecords(long records) => new() { MaxRecordCount = Positive(records, nameof(records)) };

    /// <summary>A buffer of at most <paramref name="bytes"/> bytes that emits the oldest early when full.</summary>
    public static EagerBufferConfig MaxBytes(long bytes) => new() { MaxByteCount = Positive(bytes, nameof(bytes)) };

    /// <summary>The same limits, but a full buffer stops the application instead of emitting early.</summary>
    public StrictBufferConfig ShutDownWhenFull() => CopyAs<StrictBufferConfig>();

    /// <summary>The same limits, but a full buffer emits its oldest records early.</summary>
    public EagerBufferConfig EmitEarlyWhenFull() => CopyAs<EagerBufferConfig>();

    private protected static long Positive(long limit, string name) =>
        limit > 0 ? limit : throw new ArgumentOutOfRangeException(name, limit, "A buffer limit must be positive");

    private T CopyAs<T>()
        where T : BufferConfig, new() =>
        new() { MaxRecordCount = MaxRecordCount, MaxByteCount = MaxByteCount, LoggingEnabled = LoggingEnabled, LogConfig = LogConfig };
}

/// <summary>A buffer that stops the application (a <see cref="Errors.StreamsException"/>) rather than emit a record early.</summary>
public sealed record StrictBufferConfig : BufferConfig;

/// <summary>A buffer that emits its oldest records early when it is full.</summary>
public sealed record EagerBufferConfig : BufferConfig;

/// <summary>Variations of a <see cref="BufferConfig"/> that keep its kind (strict or eager).</summary>
public static class BufferConfigExtensions
{
    /// <summary>Returns a copy limited to <paramref name="records"/> records.</summary>
    public static T WithMaxRecords<T>(this T config, long records)
        where T : BufferConfig =>
        (T)(Checked(config) with { MaxRecordCount = records > 0 ? records : throw new ArgumentOutOfRangeException(nameof(records)) });

    /// <summary>Returns a copy limited to <paramref name="bytes"/> bytes.</summary>
    public static T WithMaxBytes<T>(this T config, long bytes)
        where T : BufferConfig =>
        (T)(Checked(config) with { MaxByteCount = bytes > 0 ? bytes : throw new ArgumentOutOfRangeException(nameof(bytes)) });

    /// <summary>Returns a copy without a changelog: the buffered records are lost with the task's state.</summary>
    public static T WithLoggingDisabled<T>(this T config)
        where T : BufferConfig =>
        (T)(Checked(config) with { LoggingEnabled = false });

    /// <summary>Returns a copy change-logged with the given topic configs.</summary>
    public static T WithLoggingEnabled<T>(this T config, IReadOnlyDictionary<string, string> topicConfig)
        where T : BufferConfig =>
        (T)(Checked(config) with { LoggingEnabled = true, LogConfig = topicConfig });

    private static BufferConfig Checked(BufferConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config;
    }
}
