using StreamsApp.Topologies.Mission;
using StreamsApp.Topologies.Saga;

namespace StreamsApp.Worker.Configuration;

/// <summary>Which parts of the mission run and how they are tuned (section <c>Mission</c>).</summary>
public sealed class MissionSettings
{
    /// <summary>The parts to run, comma-separated names of <see cref="MissionParts"/> (default <c>All</c>).</summary>
    public MissionParts Parts { get; set; } = MissionParts.All;

    /// <summary>How long a saga may run before it times out and compensates (default five minutes).</summary>
    public TimeSpan SagaTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the participants have to confirm compensations before they are asked again, doubling each time (default 30 s).</summary>
    public TimeSpan CompensationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often compensations are asked before the saga goes to <c>saga.DLT</c> (default 5).</summary>
    public int MaxCompensationAttempts { get; set; } = 5;

    /// <summary>The topologies' own options, made from these settings.</summary>
    public MissionOptions ToMissionOptions() => new()
    {
        Parts = Parts,
        Saga = new SagaOptions
        {
            Timeout = SagaTimeout,
            CompensationTimeout = CompensationTimeout,
            MaxCompensationAttempts = MaxCompensationAttempts,
        },
    };
}
