using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// At start, before any store opens: compares the cluster the state directory was written against with the one the
/// instance runs on, and wipes what would otherwise be trusted wrongly. State written against another cluster is
/// wiped whole (its checkpoints name offsets of other topics); a task whose changelog, or the global stores whose
/// topic, was deleted and created again since (a new topic id) is wiped alone. Then the current identity is recorded.
/// Offsets past a changelog's end are checked per task when it is created (<see cref="ProcessorStateManager"/>).
/// </summary>
internal static class StateIdentityCheck
{
    /// <param name="directory">The application's state directory; no task may be open.</param>
    /// <param name="identity">The cluster's identity now.</param>
    /// <param name="subtopologyByChangelog">Each changelog topic's sub-topology (whose tasks' stores it backs).</param>
    /// <param name="globalTopics">The topics the global stores are read from.</param>
    /// <param name="log">Where each wipe is logged, with the task and the reason.</param>
    public static void Apply(
        StateDirectory directory, ClusterIdentity identity, IReadOnlyDictionary<string, int> subtopologyByChangelog,
        IReadOnlySet<string> globalTopics, ILogger log)
    {
        var recorded = directory.Metadata;
        if (recorded.ClusterId is { } previous && identity.ClusterId is { } current && previous != current)
        {
            var reason = $"its state was written against cluster {previous}, but this is cluster {current}";
            foreach (var task in directory.TasksWithState())
            {
                WipeTask(directory, task, reason, log);
            }

            WipeGlobal(directory, reason, log);
            directory.Record(recorded with { ClusterId = current, TopicIds = identity.TopicIds });
            return;
        }

        foreach (var (topic, id) in identity.TopicIds)
        {
            if (!recorded.TopicIds.TryGetValue(topic, out var recordedId) || recordedId == id)
            {
                continue;
            }

            var reason = $"topic {topic} was deleted and created again since its state was written (topic id {recordedId} is now {id})";
            if (subtopologyByChangelog.TryGetValue(topic, out var subtopology))
            {
                foreach (var task in directory.TasksWithState().Where(t => t.Subtopology == subtopology))
                {
                    WipeTask(directory, task, reason, log);
                }
            }

            if (globalTopics.Contains(topic))
            {
                WipeGlobal(directory, reason, log);
            }
        }

        var topicIds = new Dictionary<string, Guid>(recorded.TopicIds, StringComparer.Ordinal);
        foreach (var (topic, id) in identity.TopicIds)
        {
            topicIds[topic] = id;
        }

        directory.Record(recorded with { ClusterId = identity.ClusterId ?? recorded.ClusterId, TopicIds = topicIds });
    }

    private static void WipeTask(StateDirectory directory, TaskId task, string reason, ILogger log)
    {
        log.WipingStaleTaskState(task, reason);
        directory.Wipe(task);
    }

    private static void WipeGlobal(StateDirectory directory, string reason, ILogger log)
    {
        if (directory.HasGlobalState())
        {
            log.WipingStaleGlobalState(reason);
            directory.WipeGlobal();
        }
    }
}
