using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.Cogroup;

/// <summary>
/// One grouped stream of a cogroup with its aggregator, its value type hidden so that inputs of different value types
/// sit in one list.
/// </summary>
internal interface ICogroupInput<TKey, TAggregate>
{
    /// <summary>The grouped stream this input reads.</summary>
    object Stream { get; }

    /// <summary>The key serde the grouping knows, if any.</summary>
    ISerde<TKey>? KeySerde { get; }

    /// <summary>Whether the input goes through a repartition topic without a name of its own (group name).</summary>
    bool NeedsGeneratedTopicName { get; }

    /// <inheritdoc cref="KGroupedStreamImpl{TKey, TValue}.AggregationSource"/>
    string AggregationSource(string topicPrefix, ISerde<TKey> keys, string aggregationName);

    /// <summary>Adds this input's aggregate processor, which folds its records into the shared store.</summary>
    void AddAggregateProcessor<TOutKey>(
        string name, string parent, ICogroupAggregation<TKey, TOutKey, TAggregate> aggregation, string storeName,
        Func<TAggregate> initializer, OldValuesSwitch sendOldValues);
}
