using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Table-table joins, wired as in Kafka Streams: a join processor per side (<c>KTABLE-JOINTHIS-</c>,
/// <c>KTABLE-JOINOTHER-</c>), each reading the other side through its value getter, and a merge node
/// (<c>KTABLE-MERGE-</c>) that is the result table and its optional store.
/// </summary>
internal sealed partial class KTableImpl<TKey, TValue>
{
    public IKTable<TKey, TResult> Join<TOther, TResult>(
        IKTable<TKey, TOther> other, Func<TValue, TOther, TResult> joiner, Named? named = null,
        Materialized<TKey, TResult>? materialized = null) =>
        TableJoin(other, joiner, leftOptional: false, rightOptional: false, named, materialized);

    public IKTable<TKey, TResult> LeftJoin<TOther, TResult>(
        IKTable<TKey, TOther> other, Func<TValue, TOther, TResult> joiner, Named? named = null,
        Materialized<TKey, TResult>? materialized = null) =>
        TableJoin(other, joiner, leftOptional: false, rightOptional: true, named, materialized);

    public IKTable<TKey, TResult> OuterJoin<TOther, TResult>(
        IKTable<TKey, TOther> other, Func<TValue, TOther, TResult> joiner, Named? named = null,
        Materialized<TKey, TResult>? materialized = null) =>
        TableJoin(other, joiner, leftOptional: true, rightOptional: true, named, materialized);

    /// <summary>
    /// This table's getter for a join that reads it, or a build-time error saying why it cannot. As Kafka Streams'
    /// <c>valueGetterSupplier()</c>, reading materializes the source table the getter reads.
    /// </summary>
    public IKTableValueGetterSupplier<TKey, TValue> RequireValueGetter(string usage)
    {
        var getter = ValueGetterSupplier ?? throw new TopologyException(
            $"{usage} cannot read table '{NodeName}': it has no store; materialize it (Materialized.As(...)) first");
        MaterializeForReads();
        return getter;
    }

    private void MaterializeForReads() => _materializeForReads?.Invoke();

    private KTableImpl<TKey, TResult> TableJoin<TOther, TResult>(
        IKTable<TKey, TOther> other, Func<TValue, TOther, TResult> joiner, bool leftOptional, bool rightOptional,
        Named? named, Materialized<TKey, TResult>? materialized)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(joiner);
        var otherTable = (KTableImpl<TKey, TOther>)other;

        // Names are drawn in Kafka Streams' order (store, merge, this, other) so that Describe() matches.
        string? storeName = null;
        string? queryable = null;
        if (materialized is not null)
        {
            (storeName, queryable) = MaterializedResolver.StoreName(materialized, _builder, "KTABLE-MERGE-");
        }

        var mergeName = _builder.NameOrGenerate(named?.Name, "KTABLE-MERGE-");
        var thisName = _builder.SuffixedOrGenerate(named?.Name, "-join-this", "KTABLE-JOINTHIS-");
        var otherName = _builder.SuffixedOrGenerate(named?.Name, "-join-other", "KTABLE-JOINOTHER-");
        var thisGetter = RequireValueGetter($"Join '{mergeName}'");
        var otherGetter = otherTable.RequireValueGetter($"Join '{mergeName}'");
        var tableJoiner = new TableJoiner<TValue, TOther, TResult>(joiner, leftOptional, rightOptional);

        // A preserved side must forward a delete only for a row it had, which it knows from its old value.
        if (rightOptional)
        {
            EnableSendingOldValues();
        }

        if (leftOptional)
        {
            otherTable.EnableSendingOldValues();
        }

        IKTableValueGetterSupplier<TKey, TResult> resultGetter = storeName is null
            ? new JoinedValueGetterSupplier<TKey, TValue, TOther, TResult>(thisGetter, otherGetter, tableJoiner)
            : new StoreValueGetterSupplier<TKey, TResult>(storeName);
        var result = new KTableImpl<TKey, TResult>(
            _builder, mergeName, queryable, materialized?.KeySerde ?? _keySerde, materialized?.ValueSerde, true,
            storeName is null ? () => { EnableSendingOldValues(); otherTable.EnableSendingOldValues(); } : null,
            resultGetter);

        // Unmaterialized, the sides compute old joined values themselves when downstream asks; materialized, the
        // merge node takes old values from its store.
        var sidesSendOld = storeName is null ? result.SendOldValues : new OldValuesSwitch();
        var resultSendOld = result.SendOldValues;
        _builder.AddProcessor(
            thisName, () => new KTableKTableJoinProcessor<TKey, TValue, TOther, TResult>(otherGetter, tableJoiner, sidesSendOld), NodeName);
        _builder.AddProcessor(
            otherName,
            () => new KTableKTableJoinProcessor<TKey, TOther, TValue, TResult>(thisGetter, tableJoiner.Reversed(), sidesSendOld),
            otherTable.NodeName);
        ConnectStores(thisName, otherGetter.StoreNames);
        ConnectStores(otherName, thisGetter.StoreNames);
        _builder.AddProcessor(
            mergeName, () => new KTableKTableJoinMergeProcessor<TKey, TResult>(storeName, resultSendOld), thisName, otherName);
        if (storeName is not null)
        {
            var keys = InternalStreamsBuilder.SerdeOrDefault(materialized!.KeySerde ?? _keySerde, $"Join '{mergeName}'");
            var values = InternalStreamsBuilder.SerdeOrDefault(materialized.ValueSerde, $"Join '{mergeName}'");
            _builder.Topology.AddStateStore(MaterializedResolver.StoreBuilder(materialized, storeName, keys, values), [mergeName]);
        }

        return result;
    }

    private void ConnectStores(string processorName, IEnumerable<string> storeNames)
    {
        foreach (var store in storeNames)
        {
            _builder.Topology.ConnectProcessorAndStore(processorName, store);
        }
    }
}
