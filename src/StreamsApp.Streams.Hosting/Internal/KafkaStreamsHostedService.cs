using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Hosting.Internal;

/// <summary>
/// Creates, starts and closes the application's <see cref="KafkaStreams"/> with the host. The runtime starts once
/// every other hosted service has (<see cref="StartedAsync"/>): topics and reference data set up by the application's
/// own services exist by then, and an ASP.NET Core server listens, so its bound port can become the
/// <c>application.server</c> (<see cref="KafkaStreamsServiceBuilder.ConfigureAtStart"/>).
/// </summary>
internal sealed partial class KafkaStreamsHostedService : IHostedLifecycleService, IKafkaStreamsInstance, IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly IOptions<StreamsConfig> _config;
    private readonly KafkaStreamsHostingOptions _hosting;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly Lazy<TopologyDescription> _description;
    private readonly TaskCompletionSource<KafkaStreams> _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private KafkaStreams? _streams;

    public KafkaStreamsHostedService(Topology topology, IServiceProvider services)
    {
        Topology = topology;
        _services = services;
        _config = services.GetRequiredService<IOptions<StreamsConfig>>();
        _hosting = services.GetRequiredService<IOptions<KafkaStreamsHostingOptions>>().Value;
        _loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        _log = _loggerFactory.CreateLogger<KafkaStreamsHostedService>();
        _description = new Lazy<TopologyDescription>(topology.Describe);
    }

    public KafkaStreams? Streams => Volatile.Read(ref _streams);

    public KafkaStreamsState State => Streams?.State ?? KafkaStreamsState.Created;

    public DateTimeOffset? ClusterUnreachableSince => Streams?.ClusterUnreachableSince;

    public ProcessingGuarantee ProcessingGuarantee => Streams?.ProcessingGuarantee ?? _config.Value.ProcessingGuarantee;

    public StreamsMetrics? Metrics => Streams?.Metrics;

    public Topology Topology { get; }

    public TopologyDescription Description => _description.Value;

    // The options value is the configuration the runtime starts with, start actions included.
    public string? ApplicationServer => _config.Value.ApplicationServer;

    public TStore Store<TStore>(StoreQueryParameters<TStore> parameters)
        where TStore : class =>
        (Streams ?? throw new StreamsNotStartedException("The host has not started KafkaStreams yet")).Store(parameters);

    public async Task WaitForStateAsync(KafkaStreamsState state, CancellationToken cancellationToken = default)
    {
        var streams = await _created.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await streams.WaitForStateAsync(state, cancellationToken).ConfigureAwait(false);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var config = _config.Value;
        foreach (var configure in _hosting.StartActions)
        {
            configure(_services, config);
        }

        // The constructor validates the configuration again, start actions' changes included.
        var streams = new KafkaStreams(Topology, config, new KafkaStreamsOptions
        {
            LoggerFactory = _loggerFactory,
            TopicAdmin = _hosting.TopicAdmin?.Invoke(_services),
            Time = _services.GetService<TimeProvider>(),
            UncaughtExceptionHandler = _hosting.UncaughtExceptionHandler,
            // The host owns Ctrl-C and SIGTERM, and calls StopAsync.
            HandleShutdownSignals = false,
        });
        if (_hosting.CleanUpOnStart)
        {
            streams.CleanUp();
        }

        streams.StateChanged += OnStateChanged;
        Volatile.Write(ref _streams, streams);
        _created.TrySetResult(streams);
        await streams.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Streams is { } streams)
        {
            // The host's shutdown timeout bounds the close; what it cuts short DisposeAsync finishes.
            await streams.CloseAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _created.TrySetCanceled();
        if (Streams is { } streams)
        {
            streams.StateChanged -= OnStateChanged;
            await streams.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnStateChanged(object? sender, KafkaStreamsStateChangedEventArgs e)
    {
        // The host closes the runtime into NotRunning; Error means it died on its own.
        if (e.NewState == KafkaStreamsState.Error && _hosting.StopHostOnError)
        {
            LogStoppingHost(_log);
            Environment.ExitCode = 1;
            _services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "KafkaStreams stopped with an error; stopping the host")]
    private static partial void LogStoppingHost(ILogger logger);
}
