namespace StreamsApp.Streams.State;

/// <summary>Iterates one key's windows: the key of each entry is the window's start in milliseconds.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IWindowStoreIterator<TValue> : IKeyValueIterator<long, TValue>
{
}
