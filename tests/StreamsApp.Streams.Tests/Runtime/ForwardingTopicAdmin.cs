using StreamsApp.Streams.Runtime;

namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// Forwards partition counts and topic creation to another admin and keeps <see cref="ITopicAdmin"/>'s defaults for
/// the rest: exactly-once allowed (the embedded admin refuses it) and no cluster identity (as a cluster that cannot
/// tell its id).
/// </summary>
internal sealed class ForwardingTopicAdmin(ITopicAdmin inner) : ITopicAdmin
{
    public Task<IReadOnlyDictionary<string, int>> GetPartitionCountsAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default) =>
        inner.GetPartitionCountsAsync(topics, cancellationToken);

    public Task CreateTopicsAsync(IReadOnlyCollection<TopicDefinition> topics, CancellationToken cancellationToken = default) =>
        inner.CreateTopicsAsync(topics, cancellationToken);

    public void Dispose() => inner.Dispose();
}
