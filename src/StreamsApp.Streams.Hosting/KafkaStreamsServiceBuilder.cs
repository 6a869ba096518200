using Microsoft.Extensions.DependencyInjection;

namespace StreamsApp.Streams.Hosting;

/// <summary>Configures the hosted <see cref="Runtime.KafkaStreams"/> that <c>AddKafkaStreams</c> registered.</summary>
public sealed class KafkaStreamsServiceBuilder
{
    internal KafkaStreamsServiceBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Changes the configuration at the last moment: after every other hosted service has started (an ASP.NET Core
    /// server is listening then) and just before the runtime is created. For settings known only then, such as
    /// <see cref="StreamsConfig.ApplicationServer"/> from the port the server bound. The configuration is validated
    /// again afterwards. Settings known earlier belong in the options instead (<c>services.Configure&lt;StreamsConfig&gt;</c>).
    /// </summary>
    /// <param name="configure">Changes the configuration (the <c>IOptions&lt;StreamsConfig&gt;</c> value).</param>
    public KafkaStreamsServiceBuilder ConfigureAtStart(Action<IServiceProvider, StreamsConfig> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<KafkaStreamsHostingOptions>(options => options.StartActions.Add(configure));
        return this;
    }

    /// <summary>Sets how the host runs the instance.</summary>
    /// <param name="configure">Changes the hosting options.</param>
    public KafkaStreamsServiceBuilder ConfigureHosting(Action<KafkaStreamsHostingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
