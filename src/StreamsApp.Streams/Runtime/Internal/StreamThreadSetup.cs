using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Metrics;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>What every stream thread of an instance is built from; the instance creates it once at start.</summary>
internal sealed class StreamThreadSetup(
    TopologyMetadata topology,
    StreamsConfig config,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    StreamsMetrics metrics,
    TopicPartitionCounts partitionCounts,
    GlobalStateUpdater? globalState,
    StateDirectory stateDirectory,
    string processId)
{
    public TopologyMetadata Topology { get; } = topology;

    public StreamsConfig Config { get; } = config;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public TimeProvider Time => time;

    public StreamsMetrics Metrics => metrics;

    /// <summary>The instance's state directory, where every task and standby locks its directory.</summary>
    public StateDirectory StateDirectory => stateDirectory;

    /// <summary>The instance's standby replicas; null without <see cref="StreamsConfig.NumStandbyReplicas"/>.</summary>
    public StandbyUpdater? Standbys { get; private set; }

    /// <summary>Creates the instance's standby replicas (once, before the stream threads start).</summary>
    /// <param name="name">The standby thread's name.</param>
    /// <param name="placement">The standbys this instance should keep now.</param>
    /// <param name="changed">Called when the standbys kept change.</param>
    public StandbyUpdater CreateStandbys(string name, Func<IReadOnlySet<Processing.TaskId>> placement, Action changed)
    {
        if (Standbys is not null)
        {
            throw new InvalidOperationException("The instance's standbys exist already");
        }

        return Standbys = new StandbyUpdater(this, name, placement, changed);
    }

    /// <summary>
    /// The thread's producer; under exactly-once transactional, with the id <c>&lt;application id&gt;-&lt;process
    /// id&gt;-&lt;thread index&gt;</c>. The process id outlives a restart (it is kept in the state directory), so the
    /// restarted instance's thread of the same index fences its predecessor and aborts what that one left open.
    /// </summary>
    public StreamsProducer CreateProducer(string threadName, int threadIndex)
    {
        var transactionalId = Config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2
            ? TransactionalId(Config.ApplicationId, processId, threadIndex)
            : null;
        return new StreamsProducer(
            ClientConfigs.Producer(Config, $"{threadName}-producer", transactionalId), LoggerFactory.CreateLogger<StreamsProducer>());
    }

    /// <summary>A stream thread's transactional id under exactly-once.</summary>
    public static string TransactionalId(string applicationId, string processId, int threadIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{applicationId}-{processId}-{threadIndex}");

    /// <summary>A thread's reader of changelog offsets, with an admin client of its own.</summary>
    public ChangelogOffsetReader CreateChangelogOffsetReader(string threadName) =>
        new(ClientConfigs.Admin(Config, $"{threadName}-changelog-offsets"),
            readsStableOffsets: Config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2, StoreChangelogReader.WatermarkTimeout);

    public ThreadResources Resources(string threadName, StreamsProducer producer) =>
        new(threadName, producer, partitionCounts, time, metrics, globalState, stateDirectory, Standbys);

}
