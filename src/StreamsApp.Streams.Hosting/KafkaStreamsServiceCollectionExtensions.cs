using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Hosting.Internal;

namespace StreamsApp.Streams.Hosting;

/// <summary>Registers a <see cref="Runtime.KafkaStreams"/> instance that starts and closes with the host.</summary>
public static class KafkaStreamsServiceCollectionExtensions
{
    /// <summary>
    /// Runs the topology <paramref name="buildTopology"/> builds, configured from <paramref name="configuration"/>
    /// (bound onto <see cref="StreamsConfig"/>, for example the section <c>Streams</c> holding <c>ApplicationId</c> and
    /// <c>BootstrapServers</c>). The configuration is validated when the host starts, and a bad one stops it with
    /// every bad key named. Inject <see cref="IKafkaStreamsInstance"/> to read stores; add the health checks with
    /// <see cref="KafkaStreamsHealthChecks.AddKafkaStreams"/>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The configuration to bind onto <see cref="StreamsConfig"/>.</param>
    /// <param name="buildTopology">Defines the topology.</param>
    /// <exception cref="InvalidOperationException">An instance is registered already: one host runs one.</exception>
    public static KafkaStreamsServiceBuilder AddKafkaStreams(this IServiceCollection services, IConfiguration configuration, Action<StreamsBuilder> buildTopology)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(buildTopology);
        var builder = services.AddKafkaStreams(
            _ =>
            {
                var streams = new StreamsBuilder();
                buildTopology(streams);
                return streams.Build();
            },
            configuration is IConfigurationSection section ? section.Path : null);
        services.AddOptions<StreamsConfig>().Bind(configuration);
        return builder;
    }

    /// <summary>
    /// Runs the topology <paramref name="topology"/> makes, configured through the options pattern
    /// (<c>services.Configure&lt;StreamsConfig&gt;(...)</c>) and validated when the host starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="topology">Makes the topology, with the application's services.</param>
    /// <exception cref="InvalidOperationException">An instance is registered already: one host runs one.</exception>
    public static KafkaStreamsServiceBuilder AddKafkaStreams(this IServiceCollection services, Func<IServiceProvider, Topology> topology) =>
        services.AddKafkaStreams(topology, configurationPath: null);

    private static KafkaStreamsServiceBuilder AddKafkaStreams(this IServiceCollection services, Func<IServiceProvider, Topology> topology, string? configurationPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(topology);
        if (services.Any(d => d.ServiceType == typeof(KafkaStreamsHostedService)))
        {
            throw new InvalidOperationException("AddKafkaStreams was called already: a host runs one KafkaStreams instance");
        }

        services.AddOptions<StreamsConfig>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StreamsConfig>>(new StreamsConfigValidation(configurationPath));
        services.AddOptions<KafkaStreamsHostingOptions>();
        services.AddSingleton(sp => new KafkaStreamsHostedService(topology(sp), sp));
        services.AddSingleton<IKafkaStreamsInstance>(sp => sp.GetRequiredService<KafkaStreamsHostedService>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<KafkaStreamsHostedService>());
        return new KafkaStreamsServiceBuilder(services);
    }
}
