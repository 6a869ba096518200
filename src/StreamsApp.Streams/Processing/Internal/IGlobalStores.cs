using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Processing.Internal;

/// <summary>The global stores, which every processor may read without being connected to them.</summary>
internal interface IGlobalStores
{
    /// <summary>Finds a global store by name.</summary>
    bool TryGetStore(string name, out IStateStore store);
}
