using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A task's registry of its stores' data layers: which changelog partition backs each one and how to restore it.
/// </summary>
internal sealed class ProcessorStateManager(TaskId taskId, IReadOnlyDictionary<string, string> changelogTopicsByStore)
{
    private readonly List<RegisteredStore> _stores = [];

    public TaskId TaskId { get; } = taskId;

    public IReadOnlyList<RegisteredStore> Stores => _stores;

    /// <summary>The changelog topic of a logged store, or null when the store is not logged.</summary>
    public string? ChangelogTopic(string storeName) => changelogTopicsByStore.GetValueOrDefault(storeName);

    public void Register(IStateStore store, IBatchingStateRestoreCallback restoreCallback)
    {
        if (_stores.Exists(s => s.Store.Name == store.Name))
        {
            throw new ArgumentException($"State store '{store.Name}' is already registered in task {TaskId}", nameof(store));
        }

        var topic = ChangelogTopic(store.Name);
        var changelog = topic is null ? null : new TopicPartition(topic, TaskId.Partition);
        _stores.Add(new RegisteredStore(store, restoreCallback, changelog));
    }

    /// <summary>A registered store's data layer, its restore callback and its changelog partition (null if not logged).</summary>
    public sealed record RegisteredStore(IStateStore Store, IBatchingStateRestoreCallback Restore, TopicPartition? Changelog);
}
