using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Where a task's stores register their data layers as they open, and learn which changelog topic backs them. The
/// runtime's state manager behind it also checkpoints and restores them; stores need only this much of it.
/// </summary>
internal interface IStoreRegistry
{
    /// <summary>Registers a store's data layer with the callback that restores it from its changelog.</summary>
    void Register(IStateStore store, IBatchingStateRestoreCallback restoreCallback);

    /// <summary>The changelog topic of a store; null when it has none (logging disabled).</summary>
    string? ChangelogTopic(string storeName);
}
