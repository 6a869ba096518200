using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Runtime.Internal.Queries;

/// <summary>
/// One instance's claim: its application server, the active tasks it ran when it last finished a rebalance, and the
/// standby tasks it keeps.
/// </summary>
/// <param name="Host">Its application server; <see cref="HostInfo.Unavailable"/> when it has none.</param>
/// <param name="Tasks">Its active tasks.</param>
/// <param name="Standbys">Its standby tasks.</param>
/// <param name="Order">Where the claim was published (its offset in the query-hosts topic): a greater order is newer.</param>
internal sealed record HostClaim(HostInfo Host, IReadOnlySet<TaskId> Tasks, IReadOnlySet<TaskId> Standbys, long Order)
{
    /// <summary>
    /// An instance's own claim, applied when it publishes, before the topic echoes it back: it is as new as the newest
    /// claim seen, and wins a tie; any claim published after it, its own echo included, is newer.
    /// </summary>
    public bool Provisional { get; init; }
}

/// <summary>
/// The latest claim of every instance (by process id), and who owns each task: the newest claim naming it, since
/// during a rebalance a task's old owner may not have published its shrunken claim yet. Written by one thread (the
/// follower of the query-hosts topic), read by any: reads take an immutable snapshot and do no I/O.
/// </summary>
internal sealed class HostClaims
{
    private readonly Lock _writeLock = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Applies a claim, or removes the process's claim when <paramref name="claim"/> is null (a tombstone).</summary>
    public void Apply(string processId, HostClaim? claim)
    {
        lock (_writeLock)
        {
            var claims = new Dictionary<string, HostClaim>(_snapshot.Claims, StringComparer.Ordinal);
            if (claim is null)
            {
                claims.Remove(processId);
            }
            else if (!claims.TryGetValue(processId, out var current) || current.Order <= claim.Order)
            {
                claims[processId] = claim;
            }

            _snapshot = new Snapshot(claims);
        }
    }

    /// <summary>
    /// Applies this instance's own claim at once, as <see cref="HostClaim.Provisional"/>: the instance knows it runs its
    /// tasks before the topic says so, and must not name an instance that has left as their owner meanwhile.
    /// </summary>
    public void ApplyOwn(string processId, HostInfo host, IReadOnlySet<TaskId> tasks, IReadOnlySet<TaskId> standbys)
    {
        lock (_writeLock)
        {
            var newest = _snapshot.Claims.Values.Select(c => c.Order).DefaultIfEmpty(0).Max();
            Apply(processId, new HostClaim(host, tasks, standbys, newest) { Provisional = true });
        }
    }

    /// <summary>The host of the newest claim naming <paramref name="task"/>; null when none does.</summary>
    public HostInfo? OwnerOf(TaskId task) => _snapshot.Owners.GetValueOrDefault(task) is { } owner ? _snapshot.Claims[owner].Host : null;

    /// <summary>The hosts of the claims keeping a standby of <paramref name="task"/>, but not its owner's; ordered.</summary>
    public IReadOnlyList<HostInfo> StandbysOf(TaskId task)
    {
        var snapshot = _snapshot;
        var owner = snapshot.Owners.GetValueOrDefault(task);
        return [.. snapshot.Claims
            .Where(c => c.Key != owner && c.Value.Standbys.Contains(task))
            .Select(c => c.Value.Host)
            .Distinct()
            .OrderBy(h => h.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>The process id of the newest claim naming each task (its owner).</summary>
    public IReadOnlyDictionary<TaskId, string> OwnerProcesses => _snapshot.Owners;

    /// <summary>A process's latest claim; null when it has none.</summary>
    public HostClaim? ClaimOf(string processId) => _snapshot.Claims.GetValueOrDefault(processId);

    /// <summary>Each host with the tasks it owns (it holds the newest claim naming them); hosts owning nothing are left out.</summary>
    public IReadOnlyDictionary<HostInfo, IReadOnlySet<TaskId>> TasksByHost => _snapshot.TasksByHost;

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new(new Dictionary<string, HostClaim>(StringComparer.Ordinal));

        public Snapshot(Dictionary<string, HostClaim> claims)
        {
            Claims = claims;
            Owners = [];
            foreach (var (process, claim) in claims)
            {
                foreach (var task in claim.Tasks)
                {
                    if (!Owners.TryGetValue(task, out var other) || IsNewer(claim, claims[other]))
                    {
                        Owners[task] = process;
                    }
                }
            }

            TasksByHost = Owners.GroupBy(o => claims[o.Value].Host).ToDictionary(g => g.Key, g => (IReadOnlySet<TaskId>)g.Select(o => o.Key).ToHashSet());
        }

        public Dictionary<string, HostClaim> Claims { get; }

        private static bool IsNewer(HostClaim claim, HostClaim than) =>
            claim.Order > than.Order || (claim.Order == than.Order && claim.Provisional && !than.Provisional);

        /// <summary>Each task's owner: the process id of the newest claim naming it.</summary>
        public Dictionary<TaskId, string> Owners { get; }

        public Dictionary<HostInfo, IReadOnlySet<TaskId>> TasksByHost { get; }
    }
}
