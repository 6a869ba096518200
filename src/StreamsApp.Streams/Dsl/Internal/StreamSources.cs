using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// The DSL's stream sources by the topics they read, so that topics read as a stream again share their source, as
/// Kafka Streams' <c>mergeDuplicateSourceNodes</c> does: what the later <c>Stream()</c> call builds hangs off the first
/// call's source node, whose serdes and timestamp extractor read the records. Only the same set of topics is shared;
/// overlapping sets stay an error (one topic, one source), and so do other key or value types, which one source
/// cannot produce.
/// </summary>
internal sealed class StreamSources
{
    private readonly Dictionary<string, (string Node, Type Key, Type Value)> _byTopics = new(StringComparer.Ordinal);

    /// <summary>The source already reading exactly <paramref name="topics"/>; null when there is none.</summary>
    /// <exception cref="TopologyException">That source reads other key or value types.</exception>
    public string? Existing<TKey, TValue>(IReadOnlyList<string> topics)
    {
        if (!_byTopics.TryGetValue(Key(topics), out var source))
        {
            return null;
        }

        if (source.Key != typeof(TKey) || source.Value != typeof(TValue))
        {
            throw new TopologyException(
                $"{string.Join(", ", topics)} is already read by source '{source.Node}' as {source.Key.Name} keys and {source.Value.Name} values, " +
                $"not {typeof(TKey).Name} and {typeof(TValue).Name}: one source reads a topic, so read it once and share the stream");
        }

        return source.Node;
    }

    /// <summary>Records the source <paramref name="node"/> reading <paramref name="topics"/>.</summary>
    public void Add<TKey, TValue>(IReadOnlyList<string> topics, string node) => _byTopics[Key(topics)] = (node, typeof(TKey), typeof(TValue));

    private static string Key(IReadOnlyList<string> topics) => string.Join('\n', topics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
