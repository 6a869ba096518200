using StreamsApp.Streams.Runtime;

namespace StreamsApp.Streams.Hosting;

/// <summary>How the host runs the <see cref="KafkaStreams"/> instance (the instance's own settings are <see cref="StreamsConfig"/>).</summary>
public sealed class KafkaStreamsHostingOptions
{
    /// <summary>
    /// Whether a runtime that fails on its own (state <see cref="KafkaStreamsState.Error"/>, not closed by the host)
    /// stops the host with exit code 1, so that an orchestrator restarts the process. Default true; when false the
    /// process stays up and the liveness check reports the failure.
    /// </summary>
    public bool StopHostOnError { get; set; } = true;

    /// <summary>
    /// Whether local state is deleted before the runtime starts (<see cref="KafkaStreams.CleanUp"/>), so every store
    /// restores from its changelog. For clusters that are new at every start, such as an embedded one. Default false.
    /// </summary>
    public bool CleanUpOnStart { get; set; }

    /// <summary>Topic administration for the runtime; unset, or null from the function: Kafka's admin API (see <see cref="KafkaStreamsOptions.TopicAdmin"/>).</summary>
    public Func<IServiceProvider, ITopicAdmin?>? TopicAdmin { get; set; }

    /// <summary>What follows a stream thread's death; default: the instance shuts down (see <see cref="KafkaStreamsOptions.UncaughtExceptionHandler"/>).</summary>
    public Func<Exception, StreamThreadExceptionResponse>? UncaughtExceptionHandler { get; set; }

    /// <summary>Changes made to the configuration just before the runtime is created, once every other hosted service has started.</summary>
    internal List<Action<IServiceProvider, StreamsConfig>> StartActions { get; } = [];
}
