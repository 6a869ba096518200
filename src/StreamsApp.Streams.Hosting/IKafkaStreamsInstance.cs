using StreamsApp.Streams.Metrics;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Hosting;

/// <summary>
/// The application's one <see cref="KafkaStreams"/> instance, as the host runs it: what the rest of the application
/// injects to read its stores, its state and its metrics. The instance itself is created when the host has started
/// (<see cref="KafkaStreamsServiceCollectionExtensions.AddKafkaStreams(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration, Action{StreamsApp.Streams.Dsl.StreamsBuilder})"/>),
/// so members that need it answer "not yet" until then rather than blocking.
/// </summary>
public interface IKafkaStreamsInstance
{
    /// <summary>The runtime; null until the host has started it.</summary>
    KafkaStreams? Streams { get; }

    /// <summary>The runtime's state (<see cref="KafkaStreamsState.Created"/> before it exists).</summary>
    KafkaStreamsState State { get; }

    /// <summary>Since when the runtime has lost the Kafka cluster (<see cref="KafkaStreams.ClusterUnreachableSince"/>); null while it reaches it.</summary>
    DateTimeOffset? ClusterUnreachableSince { get; }

    /// <summary>The guarantee in force: the runtime's once it runs (after any fall-back), the configured one before.</summary>
    ProcessingGuarantee ProcessingGuarantee { get; }

    /// <summary>The runtime's metrics registry; null until the runtime exists.</summary>
    StreamsMetrics? Metrics { get; }

    /// <summary>The topology the host runs.</summary>
    Topology Topology { get; }

    /// <summary>The topology's description (Kafka Streams' text format through <see cref="object.ToString"/>).</summary>
    TopologyDescription Description { get; }

    /// <summary>
    /// The host:port other instances reach this one at (<see cref="StreamsConfig.ApplicationServer"/>), as the runtime
    /// was started with, or as configured before it starts; null when there is none.
    /// </summary>
    string? ApplicationServer { get; }

    /// <summary>
    /// A read-only view of a store of this instance, as <see cref="KafkaStreams.Store{TStore}"/>;
    /// <see cref="KafkaStreamsInstanceExtensions"/> names the common ones (<c>KeyValueStore&lt;string, long&gt;("counts")</c>).
    /// </summary>
    /// <typeparam name="TStore">The view, from <see cref="QueryableStoreTypes"/>.</typeparam>
    /// <param name="parameters">The store's name and type.</param>
    /// <exception cref="Errors.StreamsNotStartedException">The host has not started the runtime yet.</exception>
    /// <exception cref="Errors.InvalidStateStoreException">
    /// The store cannot be read now (see <see cref="KafkaStreams.Store{TStore}"/>); a
    /// <see cref="Errors.StateStoreMigratedException"/> is worth a retry.
    /// </exception>
    TStore Store<TStore>(StoreQueryParameters<TStore> parameters)
        where TStore : class;

    /// <summary>Completes once the runtime exists and is in <paramref name="state"/>, as <see cref="KafkaStreams.WaitForStateAsync"/>.</summary>
    /// <param name="state">The state to wait for, typically <see cref="KafkaStreamsState.Running"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task WaitForStateAsync(KafkaStreamsState state, CancellationToken cancellationToken = default);
}
