using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams;

/// <summary>
/// The application's configuration, bindable from <c>appsettings.json</c>. <see cref="Validate"/> runs when the
/// application starts and names every bad key.
/// </summary>
public sealed class StreamsConfig
{
    /// <summary>Required. Consumer group id, prefix of internal topics and state directory name.</summary>
    public string ApplicationId { get; set; } = string.Empty;

    /// <summary>The Kafka cluster to join, <c>host:port,...</c>; empty means the embedded cluster where the host supports it.</summary>
    public string BootstrapServers { get; set; } = string.Empty;

    /// <summary>The default <see cref="StateDir"/>: <c>&lt;temp&gt;/streamsapp</c>.</summary>
    public static readonly string DefaultStateDir = Path.Combine(Path.GetTempPath(), "streamsapp");

    /// <summary>The root of every task's local state. Default: <see cref="DefaultStateDir"/>.</summary>
    public string StateDir { get; set; } = DefaultStateDir;

    /// <summary>At-least-once (default) or exactly-once v2.</summary>
    public ProcessingGuarantee ProcessingGuarantee { get; set; } = ProcessingGuarantee.AtLeastOnce;

    /// <summary>How often tasks commit; null means 30 s at-least-once and 100 ms exactly-once, as in Kafka Streams.</summary>
    public TimeSpan? CommitInterval { get; set; }

    /// <summary>Bytes of record cache per stream thread, shared by its caching stores; 0 disables caching. Default 10 MiB.</summary>
    public long CacheMaxBytesBuffering { get; set; } = 10L * 1024 * 1024;

    /// <summary>Number of stream threads in this instance. Default 1.</summary>
    public int NumStreamThreads { get; set; } = 1;

    /// <summary>Metrics detail. Default <see cref="MetricsRecordingLevel.Info"/>.</summary>
    public MetricsRecordingLevel MetricsRecordingLevel { get; set; } = MetricsRecordingLevel.Info;

    /// <summary>RocksDB memory bounds shared by every RocksDB store in the process.</summary>
    public RocksDbConfig RocksDb { get; set; } = new();

    /// <summary>What happens when a source record cannot be deserialized. Default: fail.</summary>
    public IDeserializationExceptionHandler DeserializationExceptionHandler { get; set; } = ExceptionHandlers.LogAndFail;

    /// <summary>What happens when a processor throws. Default: fail.</summary>
    public IProcessingExceptionHandler ProcessingExceptionHandler { get; set; } = ExceptionHandlers.LogAndFail;

    /// <summary>The commit interval in force: <see cref="CommitInterval"/> or the guarantee's default.</summary>
    public TimeSpan EffectiveCommitInterval =>
        CommitInterval ?? (ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2
            ? TimeSpan.FromMilliseconds(100)
            : TimeSpan.FromSeconds(30));

    /// <summary>Checks every setting and throws one exception naming each bad key.</summary>
    /// <exception cref="StreamsConfigException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ApplicationId))
        {
            problems.Add("ApplicationId is required");
        }
        else if (!IsValidTopicChars(ApplicationId))
        {
            problems.Add($"ApplicationId '{ApplicationId}' may only contain letters, digits, '.', '_' and '-' (it prefixes topic names)");
        }

        if (string.IsNullOrWhiteSpace(StateDir))
        {
            problems.Add("StateDir is required");
        }

        if (CommitInterval is { } interval && interval <= TimeSpan.Zero)
        {
            problems.Add("CommitInterval must be positive");
        }

        if (CacheMaxBytesBuffering < 0)
        {
            problems.Add("CacheMaxBytesBuffering must not be negative");
        }

        if (NumStreamThreads < 1)
        {
            problems.Add("NumStreamThreads must be at least 1");
        }

        problems.AddRange(RocksDb.Validate());
        if (problems.Count > 0)
        {
            throw new StreamsConfigException(problems);
        }
    }

    private static bool IsValidTopicChars(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
