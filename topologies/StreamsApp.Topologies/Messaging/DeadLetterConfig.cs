using StreamsApp.Streams;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Topologies.Messaging;

/// <summary>The exception handlers the mission's topologies rely on, which are application-wide settings.</summary>
public static class DeadLetterConfig
{
    /// <summary>
    /// Sends records that cannot be deserialized, and records a topology rejects (<see cref="RecordRejectedException"/>),
    /// to <c>{topic}.DLT</c> with decision 0010's metadata. The engine reads both handlers from the
    /// <see cref="StreamsConfig"/>, not from the topology, so whatever hosts the topologies (the worker, a test
    /// driver) must apply this to its configuration.
    /// </summary>
    /// <param name="config">The configuration to change.</param>
    /// <returns>The same configuration.</returns>
    public static StreamsConfig UseDeadLetterTopics(this StreamsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.DeserializationExceptionHandler = ExceptionHandlers.LogAndDeadLetter;
        config.ProcessingExceptionHandler = new RejectedRecordHandler();
        return config;
    }
}
