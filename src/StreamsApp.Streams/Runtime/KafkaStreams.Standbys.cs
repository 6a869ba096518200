using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Runtime;

/// <summary>Standby replicas (<see cref="StreamsConfig.NumStandbyReplicas"/>, decision 0024).</summary>
public sealed partial class KafkaStreams
{
    private HashSet<int> _statefulSubtopologies = [];

    /// <summary>The tasks this instance keeps standby replicas of now (<see cref="StreamsConfig.NumStandbyReplicas"/>).</summary>
    public IReadOnlyCollection<TaskId> LocalStandbyTasks => [.. (_setup?.Standbys?.TaskIds ?? new HashSet<TaskId>()).Order()];

    /// <summary>Starts the standby replicas, before the stream threads, which hand them over as they take tasks.</summary>
    private void StartStandbys(TopologyMetadata metadata)
    {
        if (_config.NumStandbyReplicas == 0)
        {
            return;
        }

        _statefulSubtopologies = [.. metadata.SubtopologyByChangelog.Values];
        _setup!.CreateStandbys($"{ClientIdPrefix}-StandbyUpdater", PlaceStandbys, RepublishClaim).Start();
    }

    /// <summary>The standbys this instance keeps, from the owners that every instance's claims name.</summary>
    private IReadOnlySet<TaskId> PlaceStandbys() =>
        StandbyPlacement.For(_processId, _claims.OwnerProcesses, _config.NumStandbyReplicas, id => _statefulSubtopologies.Contains(id.Subtopology));

    private void StopStandbys(TimeSpan timeout) => _setup?.Standbys?.Stop(timeout);
}
