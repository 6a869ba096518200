using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// Which instances keep a standby of each stateful task (decision 0024). librdkafka has no assignor to place them,
/// so every instance computes the same placement from what all of them see: the owners named by the claims in the
/// query-hosts topic. The instances are those owning a task, ordered by process id. A task's standbys are
/// <c>replicas</c> consecutive instances of the others than its owner, in that order, from a position given by the
/// task's id: one owner's standbys spread over the other instances, as its tasks do when it fails.
/// </summary>
internal static class StandbyPlacement
{
    /// <summary>The tasks <paramref name="self"/> keeps standbys of.</summary>
    /// <param name="self">This instance's process id; it counts among the instances even while it owns nothing.</param>
    /// <param name="owners">Each claimed task's owner (a process id).</param>
    /// <param name="replicas">Standbys per task (<see cref="StreamsConfig.NumStandbyReplicas"/>).</param>
    /// <param name="isStateful">Whether a task has changelogs to follow.</param>
    public static IReadOnlySet<TaskId> For(string self, IReadOnlyDictionary<TaskId, string> owners, int replicas, Func<TaskId, bool> isStateful)
    {
        var placed = new HashSet<TaskId>();
        if (replicas <= 0)
        {
            return placed;
        }

        var instances = owners.Values.Append(self).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var (task, owner) in owners)
        {
            if (owner != self && isStateful(task) && StandbysOf(task, owner, instances, replicas).Contains(self, StringComparer.Ordinal))
            {
                placed.Add(task);
            }
        }

        return placed;
    }

    /// <summary>The instances keeping standbys of <paramref name="task"/>, owned by <paramref name="owner"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="owner">Its owner.</param>
    /// <param name="instances">Every instance, ordered by process id.</param>
    /// <param name="replicas">Standbys per task; fewer when there are not enough other instances.</param>
    public static IEnumerable<string> StandbysOf(TaskId task, string owner, IReadOnlyList<string> instances, int replicas)
    {
        var others = instances.Where(i => i != owner).ToList();
        // Not HashCode, which differs between processes: every instance must compute the same position.
        var start = others.Count == 0 ? 0 : (int)(((uint)task.Subtopology * 31u + (uint)task.Partition) % (uint)others.Count);
        return Enumerable.Range(0, Math.Min(replicas, others.Count)).Select(k => others[(start + k) % others.Count]);
    }
}
