namespace StreamsApp.Worker.Operations.Metrics;

/// <summary>Turns the engine's Kafka-style metric names and tags into Prometheus names and labels.</summary>
internal static class PrometheusNames
{
    /// <summary>Prefix of every metric the worker exports.</summary>
    public const string Prefix = "streamsapp_";

    /// <summary><c>stream-task-metrics</c> + <c>process-total</c> → <c>streamsapp_stream_task_process_total</c>.</summary>
    public static string Metric(string group, string name)
    {
        var scope = group.EndsWith("-metrics", StringComparison.Ordinal) ? group[..^"-metrics".Length] : group;
        return Prefix + Sanitize(scope) + "_" + Sanitize(name);
    }

    /// <summary>
    /// A tag as a label. Store tags name their store type in the key (<c>rocksdb-state-id</c>); they become the
    /// label <c>store</c> so a metric has one label set whatever the store type.
    /// </summary>
    public static (string Label, string Value) Label(string key, string value) =>
        key.EndsWith("-state-id", StringComparison.Ordinal) ? ("store", value) : (Sanitize(key), value);

    private static string Sanitize(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_';
            }
        });
}
