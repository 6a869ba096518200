using Microsoft.Extensions.Logging;

namespace StreamsApp.Streams.Runtime;

/// <summary>The services a <see cref="KafkaStreams"/> instance runs with (the configuration is <see cref="StreamsConfig"/>).</summary>
public sealed class KafkaStreamsOptions
{
    /// <summary>Where the runtime logs; default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Topic administration; default: Kafka's admin API on <see cref="StreamsConfig.BootstrapServers"/>. The embedded
    /// cluster supplies its own. The instance disposes it on close.
    /// </summary>
    public ITopicAdmin? TopicAdmin { get; init; }

    /// <summary>The clock of wall-clock punctuation and commit intervals; default: the system clock.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Decides what follows a stream thread's death; default: shut the instance down.</summary>
    public Func<Exception, StreamThreadExceptionResponse>? UncaughtExceptionHandler { get; init; }

    /// <summary>Whether Ctrl-C and SIGTERM close the instance cleanly (commit, flush, checkpoint, leave the group). Default true.</summary>
    public bool HandleShutdownSignals { get; init; } = true;
}
