using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Runtime;

/// <summary>Checks of the cluster a configuration will run on.</summary>
public sealed partial class KafkaStreams
{
    /// <summary>
    /// Checks that the cluster speaks the group protocol <paramref name="config"/> asks for, as
    /// <see cref="StartAsync"/> does: a host may call it before it starts anything else, so that an old broker is one
    /// clear message. Under <see cref="GroupProtocol.Consumer"/> it asks a bootstrap server for its API versions
    /// (plain-text listeners only; other security protocols are not checked). A cluster that does not answer passes.
    /// </summary>
    /// <param name="config">The configuration.</param>
    /// <param name="logger">Told when the check cannot be made; none by default.</param>
    /// <param name="cancellationToken">Stops waiting for the cluster.</param>
    /// <exception cref="Errors.StreamsConfigException">The cluster does not speak the configured protocol.</exception>
    public static Task CheckGroupProtocolAsync(StreamsConfig config, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ConsumerProtocolSetup.EnsureSupportedAsync(config, logger ?? NullLogger.Instance, cancellationToken);
    }
}
