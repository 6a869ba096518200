using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Cogroup;

/// <summary>
/// What differs between a cogroup aggregated per key and one aggregated per key and window: the table, the store the
/// inputs share, and the aggregate processor of an input of any value type.
/// </summary>
/// <typeparam name="TKey">The key type of the inputs.</typeparam>
/// <typeparam name="TOutKey">The table's key type: the key, or the windowed key.</typeparam>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
internal interface ICogroupAggregation<TKey, TOutKey, TAggregate>
{
    /// <summary>The table named after the merge node <paramref name="name"/>, over the store <paramref name="storeName"/>.</summary>
    KTableImpl<TOutKey, TAggregate> Table(
        InternalStreamsBuilder builder, string name, string? queryableName, ISerde<TKey> keys, ISerde<TAggregate> aggregates, string storeName);

    /// <summary>The store every input writes.</summary>
    IStoreBuilder<IStateStore> Store(string storeName, ISerde<TKey> keys, ISerde<TAggregate> aggregates);

    /// <summary>The aggregate processor of an input, writing the store <paramref name="storeName"/>.</summary>
    /// <param name="storeName">The store the processor writes.</param>
    /// <param name="first">The aggregate of a key's (or window's) first value.</param>
    /// <param name="next">Folds a value into an aggregate.</param>
    /// <param name="sendOldValues">The table's old-values switch.</param>
    IProcessor<TKey, TValue, TOutKey, Change<TAggregate>> Processor<TValue>(
        string storeName, Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next, OldValuesSwitch sendOldValues);
}
