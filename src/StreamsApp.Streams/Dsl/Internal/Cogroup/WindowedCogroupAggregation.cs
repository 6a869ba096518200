using StreamsApp.Streams.Dsl.Internal.Windowing;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Cogroup;

/// <summary>
/// A cogroup aggregated per key and window: every input gets the aggregate processor a windowed aggregation of a
/// single grouped stream would get, over the one window or session store they share.
/// </summary>
internal sealed class WindowedCogroupAggregation<TKey, TAggregate>(Windowing<TKey, TAggregate> windowing)
    : ICogroupAggregation<TKey, Windowed<TKey>, TAggregate>
{
    public KTableImpl<Windowed<TKey>, TAggregate> Table(
        InternalStreamsBuilder builder, string name, string? queryableName, ISerde<TKey> keys, ISerde<TAggregate> aggregates, string storeName) =>
        windowing.Table(builder, name, queryableName, keys, aggregates, storeName);

    public IStoreBuilder<IStateStore> Store(string storeName, ISerde<TKey> keys, ISerde<TAggregate> aggregates) =>
        windowing.Store(storeName, keys, aggregates);

    public IProcessor<TKey, TValue, Windowed<TKey>, Change<TAggregate>> Processor<TValue>(
        string storeName, Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next, OldValuesSwitch sendOldValues) =>
        windowing.Processor(storeName, first, next, sendOldValues);
}
