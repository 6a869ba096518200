using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Stream-table and stream-global-table joins, and explicit repartitioning. A stream-table join repartitions the
/// stream first when its key may have changed, so that each record meets the table rows of its key in one task.
/// </summary>
internal sealed partial class KStreamImpl<TKey, TValue>
{
    public IKStream<TKey, TResult> Join<TTableValue, TResult>(
        IKTable<TKey, TTableValue> table, Func<TValue, TTableValue, TResult> joiner, Joined<TKey, TValue, TTableValue>? joined = null) =>
        TableJoin(table, joiner, joined, leftJoin: false);

    public IKStream<TKey, TResult> LeftJoin<TTableValue, TResult>(
        IKTable<TKey, TTableValue> table, Func<TValue, TTableValue, TResult> joiner, Joined<TKey, TValue, TTableValue>? joined = null) =>
        TableJoin(table, joiner, joined, leftJoin: true);

    public IKStream<TKey, TResult> Join<TGlobalKey, TGlobalValue, TResult>(
        IGlobalKTable<TGlobalKey, TGlobalValue> globalTable, Func<TKey, TValue, TGlobalKey> keySelector,
        Func<TValue, TGlobalValue, TResult> joiner, Named? named = null) =>
        GlobalTableJoin(globalTable, keySelector, joiner, named, leftJoin: false);

    public IKStream<TKey, TResult> LeftJoin<TGlobalKey, TGlobalValue, TResult>(
        IGlobalKTable<TGlobalKey, TGlobalValue> globalTable, Func<TKey, TValue, TGlobalKey> keySelector,
        Func<TValue, TGlobalValue, TResult> joiner, Named? named = null) =>
        GlobalTableJoin(globalTable, keySelector, joiner, named, leftJoin: true);

    public IKStream<TKey, TValue> Repartition(Repartitioned<TKey, TValue>? repartitioned = null)
    {
        if (repartitioned?.NumberOfPartitions is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(repartitioned), repartitioned.NumberOfPartitions, "A repartition topic needs at least one partition");
        }

        // A user's name draws no number here (Kafka Streams' KStreamImpl.doRepartition); the topic's nodes always do.
        var name = repartitioned?.Name ?? builder.NewProcessorName("KSTREAM-REPARTITION-");
        var keys = InternalStreamsBuilder.SerdeOrDefault(repartitioned?.KeySerde ?? keySerde, $"Repartition '{name}'");
        var values = InternalStreamsBuilder.SerdeOrDefault(repartitioned?.ValueSerde ?? valueSerde, $"Repartition '{name}'");
        var source = builder.Repartition(NodeName, name, keys, values, repartitioned?.Partitioner, repartitioned?.NumberOfPartitions);
        return new KStreamImpl<TKey, TValue>(builder, source, keys, values, false);
    }

    /// <summary>
    /// The repartition a join of this stream reads, as Kafka Streams' <c>repartitionForJoin</c> makes it: a join
    /// named after this node (an unnamed one) shares the repartition this stream already has, so that a re-keyed
    /// stream joined several times, or with itself, goes through one topic; any other join builds its own, which
    /// becomes the shared one. The names of a repartition are drawn either way.
    /// </summary>
    private string RepartitionForJoin(string topicPrefix, ISerde<TKey> keys, ISerde<TValue> values)
    {
        if (_joinRepartition is { } shared && topicPrefix == NodeName)
        {
            builder.DrawRepartitionNames();
            return shared;
        }

        return _joinRepartition = builder.Repartition(NodeName, topicPrefix, keys, values);
    }

    private KStreamImpl<TKey, TResult> TableJoin<TTableValue, TResult>(
        IKTable<TKey, TTableValue> table, Func<TValue, TTableValue, TResult> joiner, Joined<TKey, TValue, TTableValue>? joined,
        bool leftJoin)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(joiner);
        var parent = NodeName;
        var keys = joined?.KeySerde ?? keySerde;
        if (repartitionRequired)
        {
            // As in Kafka Streams, the topic is named after the join, else after this stream's node.
            var usage = $"The repartition topic before the join of '{NodeName}'";
            keys = InternalStreamsBuilder.SerdeOrDefault(keys, usage);
            var values = InternalStreamsBuilder.SerdeOrDefault(joined?.ValueSerde ?? valueSerde, usage);
            parent = RepartitionForJoin(joined?.Name ?? NodeName, keys, values);
        }

        var name = builder.NameOrGenerate(joined?.Name, leftJoin ? "KSTREAM-LEFTJOIN-" : "KSTREAM-JOIN-");
        var getter = ((KTableImpl<TKey, TTableValue>)table).RequireValueGetter($"Stream-table join '{name}'");
        builder.AddProcessor(
            name,
            () => new KStreamTableJoinProcessor<TKey, TValue, TKey, TTableValue, TResult>(getter, static (key, _) => key, joiner, leftJoin),
            parent);
        ConnectStores(name, [.. getter.StoreNames]);
        return new KStreamImpl<TKey, TResult>(builder, name, keys, null, false);
    }

    private KStreamImpl<TKey, TResult> GlobalTableJoin<TGlobalKey, TGlobalValue, TResult>(
        IGlobalKTable<TGlobalKey, TGlobalValue> globalTable, Func<TKey, TValue, TGlobalKey> keySelector,
        Func<TValue, TGlobalValue, TResult> joiner, Named? named, bool leftJoin)
    {
        ArgumentNullException.ThrowIfNull(globalTable);
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(joiner);

        // Every task holds the whole global table, so neither repartitioning nor co-partitioning is needed.
        IKTableValueGetterSupplier<TGlobalKey, TGlobalValue> getter = ((GlobalKTableImpl<TGlobalKey, TGlobalValue>)globalTable).ValueGetterSupplier;
        // Kafka Streams' KStreamImpl.globalTableJoin names inner joins KSTREAM-LEFTJOIN- too.
        var name = Name(named, "KSTREAM-LEFTJOIN-");
        builder.AddProcessor(
            name,
            () => new KStreamTableJoinProcessor<TKey, TValue, TGlobalKey, TGlobalValue, TResult>(getter, keySelector, joiner, leftJoin),
            NodeName);
        return new KStreamImpl<TKey, TResult>(builder, name, keySerde, null, repartitionRequired);
    }
}
