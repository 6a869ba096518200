namespace StreamsApp.Streams.Metrics.Internal;

/// <summary>
/// The instrument of each engine metric, by group and name (Kafka Streams' metric names stay those of
/// <see cref="StreamsMetrics"/>). Counting sensors become observable counters and signed ones up-down counters, so a
/// series ends when its sensor is removed (a task that moves); latencies become histograms in seconds, tagged by
/// thread or store but not by task, so that they outlive a task's moves.
/// </summary>
internal static class InstrumentCatalog
{
    private const string Thread = "stream-thread-metrics";
    private const string Task = "stream-task-metrics";
    private const string State = "stream-state-metrics";
    private const string Client = "stream-metrics";
    private const double MicrosecondsToSeconds = 1e-6;

    /// <summary>The instruments of metrics, by (group, name).</summary>
    public static IReadOnlyDictionary<(string Group, string Name), InstrumentSpec> Specs { get; } = Build();

    /// <summary>The tags that are not attributes of histograms, which must not end with a task.</summary>
    public const string TaskTag = "task-id";

    /// <summary>The attribute a metric tag is exported as: short, dotted names (a store's tag becomes its name and type).</summary>
    public static KeyValuePair<string, object?> Attribute(KeyValuePair<string, string> tag) => tag.Key switch
    {
        "thread-id" => new("thread.id", tag.Value),
        TaskTag => new("task.id", tag.Value),
        "client-id" => new("client.id", tag.Value),
        _ when tag.Key.EndsWith("-state-id", StringComparison.Ordinal) => new("store.name", tag.Value),
        _ => new(tag.Key.Replace('-', '.'), tag.Value),
    };

    /// <summary>The store type a <c>&lt;scope&gt;-state-id</c> tag names, or null.</summary>
    public static string? StoreType(KeyValuePair<string, string> tag) =>
        tag.Key.EndsWith("-state-id", StringComparison.Ordinal) ? tag.Key[..^"-state-id".Length] : null;

    private static Dictionary<(string, string), InstrumentSpec> Build()
    {
        var specs = new Dictionary<(string, string), InstrumentSpec>
        {
            [(Thread, "poll-latency")] = new("streamsapp.thread.poll.duration", InstrumentKind.Histogram, "s", "Time a stream thread's poll took.", MicrosecondsToSeconds),
            [(Thread, "poll-records")] = new("streamsapp.thread.poll.records", InstrumentKind.Histogram, "{record}", "Records a stream thread's poll returned."),
            [(Thread, "process-latency")] = new("streamsapp.thread.process.duration", InstrumentKind.Histogram, "s", "Time a stream thread took per record processed.", MicrosecondsToSeconds),
            [(Thread, "commit-latency")] = new("streamsapp.thread.commit.duration", InstrumentKind.Histogram, "s", "Time a stream thread's commit took.", MicrosecondsToSeconds),
            [(Thread, "process-total")] = new("streamsapp.thread.processed", InstrumentKind.Counter, "{record}", "Records a stream thread processed."),
            [(Thread, "partition-pauses-total")] = new("streamsapp.thread.partition_pauses", InstrumentKind.Counter, "{pause}", "Times a stream thread paused a partition whose buffer was full."),
            [(Thread, "task-migrations-total")] = new("streamsapp.thread.task_migrations", InstrumentKind.Counter, "{migration}", "Tasks a stream thread lost to another instance."),
            [("consumer-fetch-manager-metrics", "records-lag")] = new("streamsapp.consumer.lag", InstrumentKind.Gauge, "{record}", "Records between a partition's consumed position and its end."),
            [(Task, "process-total")] = new("streamsapp.task.processed", InstrumentKind.Counter, "{record}", "Records a task processed."),
            [(Task, "punctuate-total")] = new("streamsapp.task.punctuations", InstrumentKind.Counter, "{punctuation}", "Punctuations a task ran."),
            [(Task, "dropped-records-total")] = new("streamsapp.task.dropped_records", InstrumentKind.Counter, "{record}", "Records a task dropped (unreadable, late, or skipped by a handler)."),
            [(Task, "dead-letter-records-total")] = new("streamsapp.task.dead_lettered_records", InstrumentKind.Counter, "{record}", "Records a task sent to a dead-letter topic."),
            [(Task, "restore-total")] = new("streamsapp.task.restored_records", InstrumentKind.Counter, "{record}", "Changelog records restored into a task's stores."),
            [(Task, "restore-remaining-records-total")] = new("streamsapp.task.restore.remaining_records", InstrumentKind.UpDownCounter, "{record}", "Changelog records a task has left to restore."),
            [(Task, "restore-waiting-for-transaction-total")] = new("streamsapp.task.restore.waiting_for_transaction", InstrumentKind.UpDownCounter, "{changelog}", "Changelogs whose restoration waits for an open transaction to end."),
            [(Task, "restore-skipped-records-total")] = new("streamsapp.task.restore.skipped_records", InstrumentKind.Counter, "{record}", "Changelog records restoration skipped (aborted transactions, markers)."),
            [(Task, "restore-missing-records-total")] = new("streamsapp.task.restore.missing_records", InstrumentKind.Counter, "{record}", "Changelog records restoration expected but the log no longer held."),
            [(Task, "standby-lag-records")] = new("streamsapp.task.standby.lag", InstrumentKind.Gauge, "{record}", "Changelog records a standby replica is behind."),
            [(State, "estimate-num-keys")] = new("streamsapp.store.keys", InstrumentKind.Gauge, "{key}", "Keys in a store (RocksDB's estimate)."),
            [(State, "estimate-live-data-size")] = new("streamsapp.store.live_data_size", InstrumentKind.Gauge, "By", "Live data a RocksDB store holds (RocksDB's estimate)."),
            [(Client, "query-host-claims-rejected-total")] = new("streamsapp.query_hosts.rejected_claims", InstrumentKind.Counter, "{claim}", "Query-host claims rejected for a bad signature."),
            [(Client, "state")] = new("streamsapp.client.state", InstrumentKind.Gauge, "1", "1 for the state the instance is in, 0 for the others."),
        };
        foreach (var operation in (string[])["put", "get", "delete", "fetch", "remove"])
        {
            specs[(State, $"{operation}-latency")] = new(
                "streamsapp.store.operation.duration", InstrumentKind.Histogram, "s", "Time a store operation took (debug recording level).", MicrosecondsToSeconds, operation);
        }

        return specs;
    }
}
