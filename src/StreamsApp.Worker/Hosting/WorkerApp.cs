using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StreamsApp.Streams;
using StreamsApp.Streams.Hosting;
using StreamsApp.Topologies.Mission;
using StreamsApp.Worker.Api;
using StreamsApp.Worker.Api.OpenApi;
using StreamsApp.Worker.Api.Queries;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Console;
using StreamsApp.Worker.Embedded;
using StreamsApp.Worker.Operations.DeadLetters;
using StreamsApp.Worker.Operations.Health;
using StreamsApp.Worker.Operations.Metrics;
using StreamsApp.Worker.Operations.Telemetry;
using StreamsApp.Worker.Operations.Topology;
using StreamsApp.Worker.WebConsole;

namespace StreamsApp.Worker.Hosting;

/// <summary>Builds the worker's web application: configuration, services, endpoints.</summary>
public static class WorkerApp
{
    /// <summary>The application, configured from appsettings.json next to the binary, STREAMSAPP_ variables and <paramref name="args"/>.</summary>
    /// <param name="args">Command-line flags.</param>
    /// <exception cref="OptionsValidationException">
    /// A setting is invalid, unknown, or of the wrong form; the message names each bad key (and the closest known one).
    /// </exception>
    /// <exception cref="InvalidOperationException">A value cannot be converted to its setting's type; the message names the key.</exception>
    /// <param name="settingsFile">appsettings.json to read; default the copy next to the binary.</param>
    public static WebApplication Build(string[] args, string? settingsFile = null)
    {
        // Before the host reads the command line: it would ignore a stray word and throw on a short flag such as -v=1.
        if (CommandLineArguments.Problems(args).ToList() is { Count: > 0 } misread)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(WorkerOptions), misread);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        WorkerConfiguration.Apply(builder.Configuration, settingsFile ?? Path.Combine(AppContext.BaseDirectory, "appsettings.json"), args);
        // An unknown key or a value of the wrong form, before the binder ignores the one and names a .NET type for the other.
        if (WorkerConfiguration.Problems(builder.Configuration) is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(WorkerOptions), problems);
        }

        var worker = builder.Configuration.Get<WorkerOptions>() ?? new WorkerOptions();
        // Checked here, before any service starts, so a bad setting ends the process with its message and nothing else.
        if (new WorkerOptionsValidator(builder.Environment).Validate(null, worker) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(WorkerOptions), invalid.Failures);
        }

        builder.Logging.AddConsoleFormatter<WorkerConsoleFormatter, WorkerConsoleFormatterOptions>(
            console => console.StackTracesAtEveryLevel = worker.Console.Verbose);
        builder.Logging.AddConsole(console => console.FormatterName = WorkerConsoleFormatter.FormatterName);
        builder.WebHost.UseUrls(worker.Http.Url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = worker.Http.MaxRequestBodyBytes;
        });
        builder.Host.ConfigureHostOptions(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        AddServices(builder.Services, builder.Configuration, worker);

        var app = builder.Build();
        // Client mistakes Kestrel detects while reading (a body over the limit) keep their 4xx; anything else is a 500 ProblemDetails.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseWebConsoleAssets();
        app.UseMiddleware<ClientErrorFilter>();
        if (!string.IsNullOrEmpty(worker.Http.ApiKey))
        {
            app.UseMiddleware<ApiKeyFilter>();
        }

        app.MapHealthEndpoints();
        app.MapOrderEndpoints();
        app.MapDeadLetterEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics").AsDescribedGet()
            .Documented(EndpointDocs.Tags.Operations, "GetMetrics", "Prometheus metrics: the engine's, the worker's, ASP.NET Core's, the runtime's and the process's")
            .Answers(StatusCodes.Status200OK, typeof(string), MediaTypeNames.Text.Plain);
        app.MapTopologyEndpoints();
        app.MapQueryEndpoints();
        app.MapWebConsole();
        app.MapApiDescription();
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, WorkerOptions worker)
    {
        services.AddOptions<WorkerOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddProblemDetails();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => KafkaConnection.Open(sp.GetRequiredService<IOptions<WorkerOptions>>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.AddSingleton<OrderPublisher>();
        services.AddSingleton<SagaOutcomes>();
        services.AddSingleton<DeadLetterTopics>();
        services.AddSingleton<DeadLetterValueDecoder>();
        services.AddSingleton<WorkerMeter>();
        services.AddWorkerTelemetry(worker.Telemetry);
        services.AddQueryServices();
        services.AddWebConsole();
        // The API description's schemas as the query endpoints write the contract types.
        services.ConfigureHttpJsonOptions(json => ContractJson.ConfigureShape(json.SerializerOptions));
        services.AddApiDescription(string.IsNullOrEmpty(worker.Http.ApiKey) ? null : ApiKeyFilter.Header);
        services.AddSingleton<PeerCredentials>();
        services.AddSingleton<ClientErrorFilter>();
        if (!string.IsNullOrEmpty(worker.Http.ApiKey))
        {
            services.AddSingleton(sp => new ApiKeyFilter(worker.Http.ApiKey, sp.GetRequiredService<PeerCredentials>()));
        }

        // Start order: topics before anything produces, reference data before the topology. The topology itself starts
        // once every hosted service has started, Kestrel's included, and reads from the earliest offset, so demo
        // traffic may begin first.
        services.AddHostedService<MissionTopicsSetup>();
        services.AddHostedService<DemoSeeder>();
        AddMissionStreams(services, worker);
        services.AddHostedService(sp => sp.GetRequiredService<SagaOutcomes>());
        services.AddHostedService<DemoOrderGenerator>();
        services.AddHostedService<ConsoleReporter>();
        services.AddHostedService<ChangelogFillWatch>();
        services.AddHealthChecks().AddKafkaStreams();
    }

    // The mission's topology on the hosting package: configured from the worker's options, with the application server
    // the address Kestrel bound (port 0 included), and the embedded cluster's own topic admin.
    private static void AddMissionStreams(IServiceCollection services, WorkerOptions worker)
    {
        services.AddOptions<StreamsConfig>().Configure<KafkaConnection>((config, connection) => StreamsConfigFactory.Apply(config, worker, connection.BootstrapServers));
        services.AddKafkaStreams(sp => MissionTopology.Build(sp.GetRequiredService<KafkaConnection>().Serdes, worker.Mission.ToMissionOptions()))
            .ConfigureAtStart((sp, config) => config.ApplicationServer = ApplicationServerAddress.Resolve(
                worker.Http, sp.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []))
            .ConfigureHosting(hosting =>
            {
                hosting.TopicAdmin = sp => sp.GetRequiredService<KafkaConnection>().CreateTopicAdmin();
                // The worker's own embedded cluster is new at every start and the last one's data died with it: local
                // state of an earlier run has nothing left to match, so it starts empty rather than being wiped task by
                // task, with a warning each, as state written against another cluster is (decision 0020).
                hosting.CleanUpOnStart = worker.IsEmbedded;
            });
    }
}
