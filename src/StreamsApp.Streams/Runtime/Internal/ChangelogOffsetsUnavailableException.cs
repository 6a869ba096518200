using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Runtime.Internal;

/// <summary>
/// A task's changelog offsets could not be read: the brokers are unreachable, or a partition has no leader for now.
/// The task is created again on a later loop, as the cluster comes back; the thread lives on.
/// </summary>
internal sealed class ChangelogOffsetsUnavailableException(string message, Exception inner) : StreamsException(message, inner);
