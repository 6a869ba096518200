using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.State;

/// <summary>What a store learns from the task that opens it.</summary>
public interface IStateStoreContext
{
    /// <summary>The application id.</summary>
    string ApplicationId { get; }

    /// <summary>The owning task.</summary>
    TaskId TaskId { get; }

    /// <summary>The task's state directory, <c>&lt;state.dir&gt;/&lt;application.id&gt;/&lt;task id&gt;</c>; it exists.</summary>
    string StateDirectory { get; }

    /// <summary>The application's configuration.</summary>
    StreamsConfig Config { get; }

    /// <summary>
    /// Registers an opened store with the task, with the callback that replays its changelog into it.
    /// Every store registers itself once from <see cref="IStateStore.Init"/>.
    /// </summary>
    /// <param name="store">The store (the innermost layer that holds the data).</param>
    /// <param name="restoreCallback">Applies a batch of changelog records; null values delete.</param>
    void Register(IStateStore store, IBatchingStateRestoreCallback restoreCallback);
}
