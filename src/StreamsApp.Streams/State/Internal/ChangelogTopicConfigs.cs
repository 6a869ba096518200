namespace StreamsApp.Streams.State.Internal;

/// <summary>Default topic configs of changelog topics, by kind of store.</summary>
internal static class ChangelogTopicConfigs
{
    /// <summary>Key-value stores and buffers: the latest value per key is all a restore needs.</summary>
    public static IReadOnlyDictionary<string, string> Compacted { get; } =
        new Dictionary<string, string> { ["cleanup.policy"] = "compact" };
}
