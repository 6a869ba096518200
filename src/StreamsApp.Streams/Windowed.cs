namespace StreamsApp.Streams;

/// <summary>A key and the window it was aggregated or stored in, as Kafka Streams' <c>Windowed</c>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Key">The key.</param>
/// <param name="Window">The window.</param>
public sealed record Windowed<TKey>(TKey Key, Window Window)
{
    /// <summary>Kafka Streams' format: <c>[key@start/end]</c>.</summary>
    public override string ToString() => $"[{Key}@{Window.StartMs}/{Window.EndMs}]";
}
