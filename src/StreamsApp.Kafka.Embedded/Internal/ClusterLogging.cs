namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>Configuration of the handle that owns the mock cluster.</summary>
internal static class ClusterLogging
{
    /// <summary>
    /// Only errors: without a log callback librdkafka writes to stderr, and the mock's informational lines
    /// would clutter every test and the server's output.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> OwnerConfig =
        new Dictionary<string, string> { ["log_level"] = "3" };
}
