namespace StreamsApp.Streams.Runtime;

/// <summary>What happens after a stream thread dies of an exception (Kafka Streams' uncaught-exception handler).</summary>
public enum StreamThreadExceptionResponse
{
    /// <summary>Start a new thread in its place; its tasks go back to the group and are processed again from the last commit.</summary>
    ReplaceThread,

    /// <summary>Close the whole instance; it ends in <see cref="KafkaStreamsState.Error"/>.</summary>
    ShutdownClient,
}
