using System.Runtime.InteropServices;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Runtime;

/// <summary>
/// Runs a topology against Kafka: instances started with the same application id share the input partitions
/// (one consumer group), each running its share as tasks on its stream threads, and take over each other's tasks —
/// state restored from changelogs — when one leaves or fails.
/// </summary>
public sealed partial class KafkaStreams : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan DefaultCloseTimeout = TimeSpan.FromMinutes(1);
    private readonly InternalTopologyBuilder _builder;
    private readonly StreamsConfig _config;
    private readonly KafkaStreamsOptions _options;
    private readonly ILogger _log;
    // Kept in the state directory across restarts (see StateDirectoryMetadata); known once started.
    private string _processId = "";
    private readonly List<StreamThread> _threads = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<PosixSignalRegistration> _signals = [];
    private ITopicAdmin? _admin;
    private StateDirectory? _stateDirectory;
    private StreamThreadSetup? _setup;
    private GlobalStreamThread? _globalThread;

    /// <summary>Creates an instance; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="topology">The topology to run.</param>
    /// <param name="config">The configuration; validated here.</param>
    /// <param name="options">Logging, topic administration, clock and failure handling.</param>
    /// <exception cref="Errors.StreamsConfigException">A setting is missing or invalid; the message names it.</exception>
    public KafkaStreams(Topology topology, StreamsConfig config, KafkaStreamsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (string.IsNullOrWhiteSpace(config.BootstrapServers))
        {
            throw new Errors.StreamsConfigException(["BootstrapServers is required to run against Kafka"]);
        }

        _builder = topology.Builder;
        _builder.ApplyConfig(config);
        _config = config.Copy();
        _options = options ?? new KafkaStreamsOptions();
        _log = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<KafkaStreams>();
        Metrics = new StreamsMetrics(config.MetricsRecordingLevel);
        Metrics.AddGauges(this, ReadStateGauges);
    }

    /// <summary>The instance's metrics.</summary>
    public StreamsMetrics Metrics { get; }

    /// <summary>The guarantee in force: the configured one, or at-least-once where the cluster cannot do exactly-once.</summary>
    public ProcessingGuarantee ProcessingGuarantee => _config.ProcessingGuarantee;

    /// <summary>The tasks this instance runs now, over all its stream threads.</summary>
    public IReadOnlyCollection<TaskId> LocalActiveTasks
    {
        get
        {
            lock (_gate)
            {
                return [.. _threads.SelectMany(t => t.ActiveTasks).Order()];
            }
        }
    }

    /// <summary>
    /// Since when the instance has lost the Kafka cluster: the earliest time one of its stream threads' consumers saw
    /// every broker down and has not seen one up since (librdkafka's statistics, every 5 s). Null while the cluster
    /// is reachable. Processing waits meanwhile and resumes by itself; the state stays what it was.
    /// </summary>
    public DateTimeOffset? ClusterUnreachableSince
    {
        get
        {
            lock (_gate)
            {
                return _threads.Select(t => t.ClusterLostSince).Where(t => t is not null).Min();
            }
        }
    }

    /// <summary>The tasks of each live stream thread, by thread name (a reduced form of Kafka's local thread metadata).</summary>
    internal IReadOnlyDictionary<string, IReadOnlyCollection<TaskId>> TasksByThread
    {
        get
        {
            lock (_gate)
            {
                return _threads.ToDictionary(t => t.Name, t => t.ActiveTasks);
            }
        }
    }

    /// <summary>
    /// Prepares the cluster (checks source topics, creates internal topics), bootstraps global stores, then starts
    /// the stream threads. Returns once they are started; <see cref="State"/> turns Running when they own their tasks.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the cluster during preparation.</param>
    /// <exception cref="InvalidOperationException">The instance was started before.</exception>
    /// <exception cref="Errors.StreamsException">A source topic is missing, or topics are not co-partitioned.</exception>
    /// <exception cref="Errors.StreamsConfigException">
    /// <see cref="StreamsConfig.GroupProtocol"/> is <see cref="GroupProtocol.Consumer"/> and the cluster predates it.
    /// </exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!TryTransition(KafkaStreamsState.Created, KafkaStreamsState.Rebalancing))
        {
            throw new InvalidOperationException($"KafkaStreams can only be started once; its state is {State}");
        }

        try
        {
            await StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Deletes this application's local state (every task directory under <see cref="StreamsConfig.StateDir"/>), as
    /// Kafka Streams' <c>cleanUp()</c>: the next start restores every store from its changelog. Only before start or
    /// after close.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instance is running.</exception>
    public void CleanUp()
    {
        if (State is not (KafkaStreamsState.Created or KafkaStreamsState.NotRunning or KafkaStreamsState.Error))
        {
            throw new InvalidOperationException($"CleanUp() needs a stopped instance; its state is {State}");
        }

        using var directory = new StateDirectory(_config.StateDir, _config.ApplicationId);
        directory.CleanUp();
    }

    /// <summary>Synchronous <see cref="StartAsync"/>.</summary>
    public void Start() => StartAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Closes cleanly: every thread commits, flushes and checkpoints its stores and leaves the group. Safe to call
    /// more than once and from any thread; later calls wait for the first.
    /// </summary>
    /// <param name="timeout">How long to wait for the threads; default one minute.</param>
    public Task CloseAsync(TimeSpan? timeout = null)
    {
        if (TryBeginShutdown())
        {
            _ = Task.Run(() => Shutdown(timeout ?? DefaultCloseTimeout, KafkaStreamsState.NotRunning));
        }

        return _closed.Task;
    }

    /// <summary>Synchronous <see cref="CloseAsync"/>.</summary>
    public void Close(TimeSpan? timeout = null) => CloseAsync(timeout).GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Dispose() => Close();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var loggerFactory = _options.LoggerFactory ?? NullLoggerFactory.Instance;
        _stateDirectory = new StateDirectory(_config.StateDir, _config.ApplicationId);
        _processId = _stateDirectory.ProcessId.ToString();
        _admin = _options.TopicAdmin ?? TopicAdmins.Kafka(_config, $"{ClientIdPrefix}-admin", _log);
        if (_config.ProcessingGuarantee == ProcessingGuarantee.ExactlyOnceV2 && _admin.ExactlyOnceUnsupportedReason is { } reason)
        {
            RuntimeLog.GuaranteeDowngraded(_log, $"Running at-least-once instead of exactly-once: {reason}");
            _config.ProcessingGuarantee = ProcessingGuarantee.AtLeastOnce;
        }

        await ConsumerProtocolSetup.ApplyAsync(_config, _admin, _log, cancellationToken).ConfigureAwait(false);
        RegisterSignals();
        var metadata = await InternalTopicManager.PrepareAsync(
            _builder, _config.ApplicationId, _admin, queryHosts: SharesClaims, cancellationToken).ConfigureAwait(false);
        await CheckStateIdentityAsync(metadata, cancellationToken).ConfigureAwait(false);
        StartQueries(metadata, loggerFactory);
        var globalThreadName = $"{ClientIdPrefix}-GlobalStreamThread";
        var partitionCounts = new TopicPartitionCounts(metadata.PartitionCounts, _admin);
        var globalDeadLetters = new GlobalDeadLetterCollector(
            () => new StreamsProducer(
                ClientConfigs.Producer(_config, $"{globalThreadName}-producer", transactionalId: null), loggerFactory.CreateLogger<StreamsProducer>()),
            partitionCounts);
        var globalState = CreateGlobalState(loggerFactory, globalThreadName, globalDeadLetters);
        _setup = new StreamThreadSetup(
            metadata, _config, loggerFactory, _options.Time ?? TimeProvider.System, Metrics, partitionCounts, globalState, _stateDirectory, _processId);
        if (globalState is not null)
        {
            var globalStores = new GlobalStateManager(
                _stateDirectory.GlobalDirectory(), _builder.GlobalTopicByStore, metadata.PartitionCounts, loggerFactory.CreateLogger<GlobalStateManager>());
            _globalThread = new GlobalStreamThread(globalState, globalStores, globalDeadLetters, _setup, globalThreadName, OnGlobalFailure);
            await _globalThread.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        StartStandbys(metadata);

        lock (_gate)
        {
            if (_state != KafkaStreamsState.Rebalancing)
            {
                return;
            }

            for (var i = 0; i < _config.NumStreamThreads; i++)
            {
                StartThread();
            }
        }
    }

    /// <summary>
    /// Wipes local state written against another cluster or a since recreated topic, before any store opens. A
    /// cluster that cannot tell its identity leaves the check to the changelog offsets each task compares with its
    /// checkpoint.
    /// </summary>
    private async Task CheckStateIdentityAsync(TopologyMetadata metadata, CancellationToken cancellationToken)
    {
        var changelogs = metadata.SubtopologyByChangelog;
        ClusterIdentity identity;
        try
        {
            identity = await _admin!.GetClusterIdentityAsync([.. changelogs.Keys.Concat(metadata.GlobalTopics)], cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is KafkaException or TimeoutException or HttpRequestException)
        {
            RuntimeLog.ClusterIdentityUnknown(_log, e.Message);
            identity = ClusterIdentity.Unknown;
        }

        StateIdentityCheck.Apply(_stateDirectory!, identity, changelogs, metadata.GlobalTopics, _log);
    }

    private string ClientIdPrefix => $"{_config.ApplicationId}-{_processId}";

    private GlobalStateUpdater? CreateGlobalState(ILoggerFactory loggerFactory, string threadName, GlobalDeadLetterCollector deadLetters)
    {
        if (_builder.BuildGlobal(_config.ApplicationId) is not { } topology)
        {
            return null;
        }

        // Kafka Streams' global task id; its metrics carry the global thread's name as their thread-id.
        var globalId = new TaskId(-1, -1);
        var stateManager = new ProcessorStateManager(globalId, new Dictionary<string, string>());
        var context = new TaskContext(
            globalId, _config, _stateDirectory!.GlobalDirectory(), deadLetters, stateManager, _options.Time ?? TimeProvider.System,
            loggerFactory.CreateLogger<GlobalStreamThread>(), new TaskMetrics(Metrics, threadName, globalId),
            new State.Internal.Caching.ThreadCache(0));
        return new GlobalStateUpdater(topology, context, stateManager);
    }

    /// <summary>
    /// Caller holds the gate. A thread takes the lowest index no live thread has, as in Kafka Streams: a replacement
    /// takes the dead thread's, and so its transactional id, which fences whatever that thread left open.
    /// </summary>
    private void StartThread()
    {
        var index = 1;
        while (_threads.Exists(t => t.Index == index))
        {
            index++;
        }

        var thread = new StreamThread(_setup!, index, $"{ClientIdPrefix}-StreamThread-{index}", OnThreadStateChange, OnThreadFailure, RepublishClaim);
        _threads.Add(thread);
        thread.Start();
    }

    private void RegisterSignals()
    {
        if (!_options.HandleShutdownSignals)
        {
            return;
        }

        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive until the clean close is done.
                context.Cancel = true;
                RuntimeLog.ShutdownSignal(_log, context.Signal);
                _ = CloseAsync();
            }));
        }
    }

    private void Shutdown(TimeSpan timeout, KafkaStreamsState finalState)
    {
        StreamThread[] threads;
        lock (_gate)
        {
            threads = [.. _threads];
        }

        foreach (var thread in threads)
        {
            thread.RequestShutdown();
        }

        // Standbys close first: the tasks the threads close would otherwise look like tasks to keep standbys of.
        var deadline = DateTime.UtcNow + timeout;
        StopStandbys(Remaining(deadline));

        foreach (var thread in threads)
        {
            thread.Join(Remaining(deadline));
        }

        // Stream threads read global stores up to their last commit, which flushes caches downstream: the global
        // thread closes those stores only once they are gone.
        _globalThread?.RequestShutdown();
        _globalThread?.Join(Remaining(deadline));
        StopQueries(Remaining(deadline));
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }

        _stateDirectory?.Dispose();
        _admin?.Dispose();
        SetState(finalState);
        // The instance's series end with it; its sensors stay readable.
        Metrics.RemoveGauges(this);
        Metrics.Dispose();
        _closed.TrySetResult();
    }

    // Kafka Streams' client state metric, as one 0/1 series per state, so a dashboard can show and alert on it.
    private void ReadStateGauges(ICollection<MetricValue> values)
    {
        var current = State;
        foreach (var state in Enum.GetValues<KafkaStreamsState>())
        {
            values.Add(new MetricValue(MetricName.Of("state", "stream-metrics", "state", state.ToString()), state == current ? 1 : 0));
        }
    }

    private static TimeSpan Remaining(DateTime deadline) => deadline - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
}
