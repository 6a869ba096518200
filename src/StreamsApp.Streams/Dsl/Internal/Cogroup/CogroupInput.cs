using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.Cogroup;

/// <summary>A grouped stream of <typeparamref name="TValue"/> values in a cogroup, with its aggregator.</summary>
internal sealed class CogroupInput<TKey, TValue, TAggregate>(
    KGroupedStreamImpl<TKey, TValue> stream, Func<TKey, TValue, TAggregate, TAggregate> aggregator)
    : ICogroupInput<TKey, TAggregate>
{
    public object Stream => stream;

    public ISerde<TKey>? KeySerde => stream.KeySerde;

    public bool NeedsGeneratedTopicName => stream.RepartitionRequired && stream.GroupName is null;

    public string AggregationSource(string topicPrefix, ISerde<TKey> keys, string aggregationName) =>
        stream.AggregationSource(topicPrefix, keys, aggregationName);

    public void AddAggregateProcessor<TOutKey>(
        string name, string parent, ICogroupAggregation<TKey, TOutKey, TAggregate> aggregation, string storeName,
        Func<TAggregate> initializer, OldValuesSwitch sendOldValues) =>
        stream.Builder.AddProcessor(
            name, () => aggregation.Processor<TValue>(storeName, (key, value) => aggregator(key, value, initializer()), aggregator, sendOldValues), parent);
}
