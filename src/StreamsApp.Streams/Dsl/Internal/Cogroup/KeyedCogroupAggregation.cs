using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Cogroup;

/// <summary>A cogroup aggregated per key into a key-value store, as <see cref="ICogroupedKStream{TKey, TAggregate}.Aggregate"/>.</summary>
internal sealed class KeyedCogroupAggregation<TKey, TAggregate>(Materialized<TKey, TAggregate>? materialized)
    : ICogroupAggregation<TKey, TKey, TAggregate>
{
    public KTableImpl<TKey, TAggregate> Table(
        InternalStreamsBuilder builder, string name, string? queryableName, ISerde<TKey> keys, ISerde<TAggregate> aggregates, string storeName) =>
        KTableImpl<TKey, TAggregate>.Aggregated(builder, name, queryableName, keys, aggregates, storeName);

    public IStoreBuilder<IStateStore> Store(string storeName, ISerde<TKey> keys, ISerde<TAggregate> aggregates) =>
        MaterializedResolver.StoreBuilder(materialized, storeName, keys, aggregates);

    public IProcessor<TKey, TValue, TKey, Change<TAggregate>> Processor<TValue>(
        string storeName, Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next, OldValuesSwitch sendOldValues) =>
        new KStreamAggregateProcessor<TKey, TValue, TAggregate>(storeName, first, next, sendOldValues);
}
