namespace StreamsApp.Streams.Runtime;

/// <summary>A state change of a <see cref="KafkaStreams"/> instance.</summary>
/// <param name="oldState">The state before.</param>
/// <param name="newState">The state after.</param>
public sealed class KafkaStreamsStateChangedEventArgs(KafkaStreamsState oldState, KafkaStreamsState newState) : EventArgs
{
    /// <summary>The state before.</summary>
    public KafkaStreamsState OldState { get; } = oldState;

    /// <summary>The state after.</summary>
    public KafkaStreamsState NewState { get; } = newState;
}
