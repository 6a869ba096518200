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

/// <summary>Owns the worker's <see cref="KafkaStreams"/>: builds the mission topology, starts it with the host and closes it on shutdown.</summary>
internal sealed partial class StreamsHostedService : IHostedService, IStreamsInstance, IAsyncDisposable
{
    private readonly WorkerOptions _options;
    private readonly KafkaConnection _connection;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly Lazy<TopologyDescription> _description;
    private KafkaStreams? _streams;

    public StreamsHostedService(IOptions<WorkerOptions> options, KafkaConnection connection, ILoggerFactory loggerFactory, IHostApplicationLifetime lifetime)
    {
        _options = options.Value;
        _connection = connection;
        _loggerFactory = loggerFactory;
        _log = loggerFactory.CreateLogger<StreamsHostedService>();
        _lifetime = lifetime;
        Topology = MissionTopology.Build(connection.Serdes, new MissionOptions
        {
            Parts = _options.Mission.Parts,
            Saga = new SagaOptions { Timeout = _options.Mission.SagaTimeout },
        });
        _description = new Lazy<TopologyDescription>(Topology.Describe);
    }

    public KafkaStreams? Streams => Volatile.Read(ref _streams);

    public KafkaStreamsState State => Streams?.State ?? KafkaStreamsState.Created;

    public ProcessingGuarantee ProcessingGuarantee => Streams?.ProcessingGuarantee ?? _options.Streams.ProcessingGuarantee;

    public StreamsMetrics? Metrics => Streams?.Metrics;

    public Topology Topology { get; }

    public TopologyDescription Description => _description.Value;

    public string ApplicationServer => _options.Http.EffectiveApplicationServer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var config = StreamsConfigFactory.Create(_options, _connection.BootstrapServers);
        var streams = new KafkaStreams(Topology, config, new KafkaStreamsOptions
        {
            LoggerFactory = _loggerFactory,
            TopicAdmin = _connection.CreateTopicAdmin(),
            // The generic host owns Ctrl-C and SIGTERM and calls StopAsync.
            HandleShutdownSignals = false,
        });
        streams.StateChanged += OnStateChanged;
        Volatile.Write(ref _streams, streams);
        await streams.StartAsync(cancellationToken).ConfigureAwait(false);
    }

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
