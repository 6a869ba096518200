namespace StreamsApp.Streams.Runtime;

/// <summary>A topic to create: name, partition count and topic-level configs (e.g. <c>cleanup.policy=compact</c>).</summary>
/// <param name="Name">The topic name.</param>
/// <param name="Partitions">The number of partitions.</param>
/// <param name="Configs">Topic configs; empty for the cluster's defaults.</param>
public sealed record TopicDefinition(string Name, int Partitions, IReadOnlyDictionary<string, string> Configs)
{
    /// <summary>A topic with the cluster's default configs.</summary>
    /// <param name="name">The topic name.</param>
    /// <param name="partitions">The number of partitions.</param>
    public TopicDefinition(string name, int partitions)
        : this(name, partitions, new Dictionary<string, string>())
    {
    }
}
