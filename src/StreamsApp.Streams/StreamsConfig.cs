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

    /// <summary>
    /// Kafka Streams' <c>application.server</c>: this instance's <c>host:port</c> for interactive queries, published
    /// to the other instances so that any of them can tell which one owns a key. Null: the instance answers queries
    /// about its own stores only.
    /// </summary>
    public string? ApplicationServer { get; set; }

    /// <summary>
    /// Authenticates the claims instances publish about which tasks they run (with <see cref="ApplicationServer"/>):
    /// each is signed with HMAC-SHA256 under this secret, and a claim that does not verify is ignored, so whoever can
    /// write to the <c>&lt;application id&gt;-query-hosts</c> topic cannot name an address of their own as the owner of
    /// a key. Every instance of the application needs the same secret, of at least 16 characters. Null: claims are
    /// signed with a key derived from the application id, which authenticates nothing; the instance warns at start.
    /// </summary>
    public string? QueryHostsSecret { get; set; }

    /// <summary>The shortest <see cref="QueryHostsSecret"/> accepted.</summary>
    public const int MinQueryHostsSecretLength = 16;

    /// <summary>The longest <see cref="GroupInstanceId"/>: with a thread suffix it stays under Kafka's 249 characters.</summary>
    public const int MaxGroupInstanceIdLength = 200;

    /// <summary>The default <see cref="StateDir"/>: <c>&lt;temp&gt;/streamsapp</c>.</summary>
    public static readonly string DefaultStateDir = Path.Combine(Path.GetTempPath(), "streamsapp");

    /// <summary>The root of every task's local state. Default: <see cref="DefaultStateDir"/>.</summary>
    public string StateDir { get; set; } = DefaultStateDir;

    /// <summary>At-least-once (default) or exactly-once v2.</summary>
    public ProcessingGuarantee ProcessingGuarantee { get; set; } = ProcessingGuarantee.AtLeastOnce;

    /// <summary>
    /// The consumer group protocol. Default: <see cref="GroupProtocol.Consumer"/> (Kafka 4.0 or later), which
    /// rebalances incrementally; start fails, naming this setting, on a cluster that predates it.
    /// <see cref="GroupProtocol.Classic"/> works with every broker (decision 0023).
    /// </summary>
    public GroupProtocol GroupProtocol { get; set; } = GroupProtocol.Consumer;

    /// <summary>
    /// Static membership (<c>group.instance.id</c>): an instance restarted within the session timeout gets its tasks
    /// back, and the others see no rebalance. Each stream thread joins as <c>&lt;id&gt;-&lt;thread index&gt;</c>, so
    /// the id must differ between instances and stay the same across an instance's restarts (a pod name of a
    /// StatefulSet, a host name). A static member that stops is not replaced until its session times out. Null (the
    /// default): dynamic members, which hand their tasks over when they stop.
    /// </summary>
    public string? GroupInstanceId { get; set; }

    /// <summary>How often tasks commit; null means 30 s at-least-once and 100 ms exactly-once, as in Kafka Streams.</summary>
    public TimeSpan? CommitInterval { get; set; }

    /// <summary>The default <see cref="TransactionTimeout"/>: 10 s, as Kafka Streams sets it.</summary>
    public static readonly TimeSpan DefaultTransactionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Exactly-once only: how long the broker lets a transaction stay open before it aborts it
    /// (<c>transaction.timeout.ms</c>). It bounds how long a crashed instance's open transaction holds back its
    /// partitions' committed data from the instance that takes its tasks over, so it is short; it must exceed
    /// <see cref="CommitInterval"/>, since a transaction stays open for one interval. Default 10 s.
    /// </summary>
    public TimeSpan TransactionTimeout { get; set; } = DefaultTransactionTimeout;

    /// <summary>Bytes of record cache per stream thread, shared by its caching stores; 0 disables caching. Default 10 MiB.</summary>
    public long CacheMaxBytesBuffering { get; set; } = 10L * 1024 * 1024;

    /// <summary>Number of stream threads in this instance. Default 1.</summary>
    public int NumStreamThreads { get; set; } = 1;

    /// <summary>
    /// Standby replicas per stateful task (<c>num.standby.replicas</c>): other instances keep a copy of the task's
    /// persistent stores up to date from its changelogs, so that the instance taking the task over restores only the
    /// tail, and queries that accept stale data can read it while the owner is away. Instances learn of each other
    /// through the query-hosts topic (decision 0024). Default 0.
    /// </summary>
    public int NumStandbyReplicas { get; set; }

    /// <summary>Metrics detail. Default <see cref="MetricsRecordingLevel.Info"/>.</summary>
    public MetricsRecordingLevel MetricsRecordingLevel { get; set; } = MetricsRecordingLevel.Info;

    /// <summary>
    /// librdkafka properties passed to every client (consumer, producer, admin) as they are, e.g.
    /// <c>security.protocol</c>, <c>sasl.*</c>, <c>ssl.*</c>. Properties the runtime owns (group id, isolation,
    /// transactions, auto-commit) cannot be set here; <see cref="Validate"/> names them.
    /// </summary>
    public Dictionary<string, string> KafkaProperties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Records buffered per input partition before the thread pauses fetching it. Default 1000.</summary>
    public int BufferedRecordsPerPartition { get; set; } = 1000;

    /// <summary>Replication factor of the internal topics the runtime creates; -1 (default) takes the broker's default.</summary>
    public short ReplicationFactor { get; set; } = -1;

    /// <summary>RocksDB memory bounds shared by every RocksDB store in the process.</summary>
    public RocksDbConfig RocksDb { get; set; } = new();

    /// <summary>What happens when a source record cannot be deserialized. Default: fail.</summary>
    public IDeserializationExceptionHandler DeserializationExceptionHandler { get; set; } = ExceptionHandlers.LogAndFail;

    /// <summary>What happens when a processor throws. Default: fail.</summary>
    public IProcessingExceptionHandler ProcessingExceptionHandler { get; set; } = ExceptionHandlers.LogAndFail;

    /// <summary>What happens when a sink record cannot be serialized or the broker rejects it. Default: fail.</summary>
    public IProductionExceptionHandler ProductionExceptionHandler { get; set; } = ExceptionHandlers.LogAndFail;

    /// <summary>
    /// What a <see cref="ExceptionHandlerResponse.DeadLetter"/> response becomes when the failure has no source record
    /// to dead-letter (inside a punctuation): <see cref="ExceptionHandlerResponse.Fail"/> (default, nothing is lost) or
    /// <see cref="ExceptionHandlerResponse.Continue"/> (dropped, logged and counted).
    /// </summary>
    public ExceptionHandlerResponse DeadLetterFallback { get; set; } = ExceptionHandlerResponse.Fail;

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

        if (ApplicationServer is not null && !Runtime.HostInfo.TryParse(ApplicationServer, out _))
        {
            problems.Add($"ApplicationServer (application.server) '{ApplicationServer}' must be host:port with a port from 1 to 65535");
        }

        if (QueryHostsSecret is { Length: < MinQueryHostsSecretLength })
        {
            problems.Add($"QueryHostsSecret must be at least {MinQueryHostsSecretLength} characters long");
        }

        if (GroupInstanceId is not null && (GroupInstanceId.Length is 0 or > MaxGroupInstanceIdLength || !IsValidTopicChars(GroupInstanceId)))
        {
            problems.Add(
                $"GroupInstanceId (group.instance.id) '{GroupInstanceId}' must be 1 to {MaxGroupInstanceIdLength} letters, digits, '.', '_' and '-'");
        }

        if (!Enum.IsDefined(GroupProtocol))
        {
            problems.Add($"GroupProtocol must be one of {string.Join(", ", Enum.GetNames<GroupProtocol>())}, not {GroupProtocol}");
        }

        if (string.IsNullOrWhiteSpace(StateDir))
        {
            problems.Add("StateDir is required");
        }

        if (CommitInterval is { } interval && interval <= TimeSpan.Zero)
        {
            problems.Add("CommitInterval must be positive");
        }

        if (TransactionTimeout < TimeSpan.FromSeconds(1) || TransactionTimeout > TimeSpan.FromMinutes(15))
        {
            problems.Add($"TransactionTimeout (transaction.timeout.ms) must be from 1 s to 15 min (the brokers' default maximum), not {TransactionTimeout}");
        }
        else if (ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2 && EffectiveCommitInterval >= TransactionTimeout)
        {
            problems.Add(
                $"TransactionTimeout ({TransactionTimeout}) must be longer than CommitInterval ({EffectiveCommitInterval}) under exactly-once: "
                + "each transaction stays open for one commit interval, and the broker would abort it");
        }

        if (CacheMaxBytesBuffering < 0)
        {
            problems.Add("CacheMaxBytesBuffering must not be negative");
        }

        if (NumStreamThreads < 1)
        {
            problems.Add("NumStreamThreads must be at least 1");
        }

        if (NumStandbyReplicas < 0)
        {
            problems.Add($"NumStandbyReplicas (num.standby.replicas) must not be negative, not {NumStandbyReplicas}");
        }

        if (BufferedRecordsPerPartition < 1)
        {
            problems.Add("BufferedRecordsPerPartition must be at least 1");
        }

        if (ReplicationFactor is 0 or < -1)
        {
            problems.Add("ReplicationFactor must be -1 (broker default) or at least 1");
        }

        foreach (var key in KafkaProperties.Keys.Where(Runtime.Internal.ClientConfigs.IsOwnedByRuntime))
        {
            problems.Add(key == "transaction.timeout.ms"
                ? "KafkaProperties:transaction.timeout.ms is set by the runtime: set TransactionTimeout instead"
                : $"KafkaProperties:{key} is set by the runtime and cannot be overridden");
        }

        if (DeadLetterFallback is not (ExceptionHandlerResponse.Fail or ExceptionHandlerResponse.Continue))
        {
            problems.Add($"DeadLetterFallback must be Fail or Continue, not {DeadLetterFallback}");
        }

        problems.AddRange(RocksDb.Validate());
        if (problems.Count > 0)
        {
            throw new StreamsConfigException(problems);
        }
    }

    /// <summary>A shallow copy, so that the runtime can adjust settings (the guarantee) without touching the caller's.</summary>
    internal StreamsConfig Copy() => (StreamsConfig)MemberwiseClone();

    private static bool IsValidTopicChars(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
