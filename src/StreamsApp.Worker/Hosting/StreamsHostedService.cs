using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Mission;
using StreamsApp.Topologies.Saga;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// Owns the worker's <see cref="KafkaStreams"/>: builds the mission topology, starts it with the host and closes it on
/// shutdown. The runtime starts once Kestrel listens (<see cref="StartedAsync"/>), so that its
/// <c>application.server</c> is the address actually bound, even for <c>Http:Url</c> with port 0.
/// </summary>
internal sealed partial class StreamsHostedService : IHostedLifecycleService, IStreamsInstance, IAsyncDisposable
{
    private readonly WorkerOptions _options;
    private readonly KafkaConnection _connection;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly IServer _server;
    private readonly Lazy<TopologyDescription> _description;
    private KafkaStreams? _streams;
    private string? _applicationServer;

    public StreamsHostedService(IOptions<WorkerOptions> options, KafkaConnection connection, ILoggerFactory loggerFactory, IHostApplicationLifetime lifetime, IServer server)
    {
        _server = server;
        _options = options.Value;
        _connection = connection;
        _loggerFactory = loggerFactory;
        _log = loggerFactory.CreateLogger<StreamsHostedService>();
        _lifetime = lifetime;
        Topology = MissionTopology.Build(connection.Serdes, new MissionOptions
        {
            Parts = _options.Mission.Parts,
            Saga = new SagaOptions
            {
                Timeout = _options.Mission.SagaTimeout,
                CompensationTimeout = _options.Mission.CompensationTimeout,
                MaxCompensationAttempts = _options.Mission.MaxCompensationAttempts,
            },
        });
        _description = new Lazy<TopologyDescription>(Topology.Describe);
    }

    public KafkaStreams? Streams => Volatile.Read(ref _streams);

    public KafkaStreamsState State => Streams?.State ?? KafkaStreamsState.Created;

    /// <inheritdoc />
    public DateTimeOffset? ClusterUnreachableSince => Streams?.ClusterUnreachableSince;

    public ProcessingGuarantee ProcessingGuarantee => Streams?.ProcessingGuarantee ?? _options.Streams.ProcessingGuarantee;

    public StreamsMetrics? Metrics => Streams?.Metrics;

    public Topology Topology { get; }

    public TopologyDescription Description => _description.Value;

    public string ApplicationServer => Volatile.Read(ref _applicationServer) ?? _options.Http.EffectiveApplicationServer;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // After every hosted service's StartAsync, Kestrel's included: the bound addresses are known.
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var applicationServer = ApplicationServerAddress.Resolve(_options.Http, _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        Volatile.Write(ref _applicationServer, applicationServer);
        var config = StreamsConfigFactory.Create(_options, _connection.BootstrapServers, applicationServer);
        var streams = new KafkaStreams(Topology, config, new KafkaStreamsOptions
        {
            LoggerFactory = _loggerFactory,
            TopicAdmin = _connection.CreateTopicAdmin(),
            // The generic host owns Ctrl-C and SIGTERM and calls StopAsync.
            HandleShutdownSignals = false,
        });
        if (_connection.IsEmbedded)
        {
            // The worker's own embedded cluster is new at every start and the last one's data died with it: local
            // state of an earlier run has nothing left to match, so it starts empty rather than being wiped task by
            // task, with a warning each, as state written against another cluster is (decision 0020).
            streams.CleanUp();
        }

        streams.StateChanged += OnStateChanged;
        Volatile.Write(ref _streams, streams);
        await streams.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Streams is { } streams)
        {
            // The host's shutdown timeout bounds the close: a close that outlives it leaves the rest to DisposeAsync.
            await streams.CloseAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Streams is { } streams)
        {
            streams.StateChanged -= OnStateChanged;
            await streams.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnStateChanged(object? sender, KafkaStreamsStateChangedEventArgs e)
    {
        // A runtime that died on its own (not closed by the host) takes the process down, so an orchestrator restarts it.
        if (e.NewState == KafkaStreamsState.Error)
        {
            LogStreamsFailed(_log);
            Environment.ExitCode = 1;
            _lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The streams runtime stopped with an error; stopping the worker")]
    private static partial void LogStreamsFailed(ILogger logger);
}
