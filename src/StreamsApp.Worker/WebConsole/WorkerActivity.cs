namespace StreamsApp.Worker.WebConsole;

/// <summary>
/// What one worker does now, as the web console shows it: its runtime's state, the tasks it runs and keeps standbys
/// of, the sagas of the <c>saga.state</c> partitions it hosts, and its work per sub-topology. Counts of records are
/// totals since the worker opened the tasks: a rate is the difference between two readings (<see cref="ActivityRates"/>).
/// </summary>
/// <param name="Address">The worker's <c>application.server</c> (host:port); empty when it has none.</param>
/// <param name="State">Its runtime's state (<c>Running</c>, <c>Rebalancing</c>, ...).</param>
/// <param name="ActiveTasks">The tasks it runs, e.g. <c>3_1</c> (sub-topology 3, partition 1).</param>
/// <param name="StandbyTasks">The tasks it keeps a standby replica of.</param>
/// <param name="Sagas">Sagas per state in the partitions it hosts, every state named; empty while its stores cannot be read.</param>
/// <param name="Subtopologies">Its work per sub-topology it runs a task of.</param>
internal sealed record WorkerActivity(
    string Address,
    string State,
    IReadOnlyList<string> ActiveTasks,
    IReadOnlyList<string> StandbyTasks,
    IReadOnlyDictionary<string, long> Sagas,
    IReadOnlyList<SubtopologyActivity> Subtopologies);

/// <summary>A worker's work in one sub-topology.</summary>
/// <param name="Id">The sub-topology, as <c>Topology.Describe()</c> numbers it.</param>
/// <param name="Processed">Records its tasks of the sub-topology processed since they opened on the worker.</param>
/// <param name="Lag">Records waiting in the partitions those tasks read: end offset minus position, summed.</param>
internal sealed record SubtopologyActivity(int Id, long Processed, long Lag);
