using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Errors.Internal;

/// <summary>
/// The thread's tasks were taken over by another member (fenced producer, stale generation): they are closed as
/// migrated (dirty) and the thread rejoins the group. Never reaches the uncaught-exception handler.
/// </summary>
internal sealed class TaskMigratedException : StreamsException
{
    public TaskMigratedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Found by the thread itself, with no client error behind it (a new member id after a pause).</summary>
    public TaskMigratedException(string message)
        : base(message)
    {
    }
}
