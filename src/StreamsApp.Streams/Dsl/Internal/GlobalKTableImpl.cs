using StreamsApp.Streams.Dsl.Internal.ValueGetters;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>A global table in the DSL: its store, which joins read from any task without being connected to it.</summary>
internal sealed class GlobalKTableImpl<TKey, TValue>(string storeName, string? queryableStoreName) : IGlobalKTable<TKey, TValue>
{
    public string? QueryableStoreName { get; } = queryableStoreName;

    public IKTableValueGetterSupplier<TKey, TValue> ValueGetterSupplier { get; } = new StoreValueGetterSupplier<TKey, TValue>(storeName, global: true);
}
