using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// A table in the DSL: the node producing its updates, its store (when materialized), its serdes, and the switch
/// that makes its processor send old values when a downstream re-grouping needs them.
/// </summary>
internal sealed partial class KTableImpl<TKey, TValue> : IKTable<TKey, TValue>
{
    private readonly InternalStreamsBuilder _builder;
    private readonly ISerde<TKey>? _keySerde;
    private readonly ISerde<TValue>? _valueSerde;
    // Makes the parents send old values, for a table that computes its own from theirs.
    private readonly Action? _enableParentOldValues;

    // For a stateless table over one parent: whether the parent sends old values without being made to.
    private readonly Func<bool>? _parentOldValuesWithoutForcing;

    // For a source table: whether Kafka Streams would have materialized it (null for any other table).
    private readonly SourceTableMaterialization? _sourceMaterialization;

    // What a join reading this table through its getter materializes: the table itself when a source, else the
    // source a stateless table reads through (Kafka Streams' valueGetterSupplier() materializes a source table).
    private readonly Action? _materializeForReads;

    private KTableImpl(
        InternalStreamsBuilder builder, string nodeName, string? queryableStoreName, ISerde<TKey>? keySerde,
        ISerde<TValue>? valueSerde, bool mayDelete, Action? enableParentOldValues,
        IKTableValueGetterSupplier<TKey, TValue>? valueGetterSupplier, Func<bool>? parentOldValuesWithoutForcing = null,
        SourceTableMaterialization? sourceMaterialization = null, Action? materializeParentForReads = null)
    {
        _parentOldValuesWithoutForcing = parentOldValuesWithoutForcing;
        _sourceMaterialization = sourceMaterialization;
        _materializeForReads = sourceMaterialization is not null ? sourceMaterialization.Materialize : materializeParentForReads;
        _builder = builder;
        NodeName = nodeName;
        QueryableStoreName = queryableStoreName;
        _keySerde = keySerde;
        _valueSerde = valueSerde;
        MayDelete = mayDelete;
        _enableParentOldValues = enableParentOldValues;
        ValueGetterSupplier = valueGetterSupplier;
    }

    public string NodeName { get; }

    public string? QueryableStoreName { get; }

    /// <summary>Whether rows can be deleted (a source with tombstones, a filter), which a value-type table cannot express as a stream.</summary>
    public bool MayDelete { get; }

    public OldValuesSwitch SendOldValues { get; } = new();

    /// <summary>How a join looks up this table's rows; null when the table has no store to read (see <see cref="Aggregated"/>).</summary>
    public IKTableValueGetterSupplier<TKey, TValue>? ValueGetterSupplier { get; }

    /// <summary>
    /// A table fed by a changelog stream (Table, ToTable), always with a store; the store is cached only once Kafka
    /// Streams would have materialized the table (see <see cref="SourceTableMaterialization"/>).
    /// </summary>
    public static KTableImpl<TKey, TValue> Source(
        InternalStreamsBuilder builder, string name, string parent, string storeName, string? queryableName,
        Materialized<TKey, TValue>? materialized, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    {
        var store = MaterializedResolver.StoreBuilder(materialized, storeName, keySerde, valueSerde);
        var materialization = new SourceTableMaterialization(store, queryableName is not null, materialized?.CachingEnabled ?? true);
        var table = new KTableImpl<TKey, TValue>(
            builder, name, queryableName, keySerde, valueSerde, true, null, new StoreValueGetterSupplier<TKey, TValue>(storeName),
            sourceMaterialization: materialization);
        var sendOld = table.SendOldValues;
        builder.AddProcessor(name, () => new KTableSourceProcessor<TKey, TValue>(storeName, sendOld), parent);
        builder.Topology.AddStateStore(store, [name]);
        return table;
    }

    /// <summary>
    /// A materialized aggregation result; aggregations never delete rows unless a function returns null. Joins read
    /// it through its store.
    /// </summary>
    public static KTableImpl<TKey, TValue> Aggregated(
        InternalStreamsBuilder builder, string name, string? queryableName, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        string storeName) =>
        new(builder, name, queryableName, keySerde, valueSerde, !typeof(TValue).IsValueType, null,
            new StoreValueGetterSupplier<TKey, TValue>(storeName));

    public IKTable<TKey, TValue> Filter(
        Func<TKey, TValue, bool> predicate, Named? named = null, Materialized<TKey, TValue>? materialized = null) =>
        FilterImpl(predicate, true, named, materialized);

    public IKTable<TKey, TValue> FilterNot(
        Func<TKey, TValue, bool> predicate, Named? named = null, Materialized<TKey, TValue>? materialized = null) =>
        FilterImpl(predicate, false, named, materialized);

    public IKTable<TKey, TValueOut> MapValues<TValueOut>(
        Func<TValue, TValueOut> mapper, Named? named = null, Materialized<TKey, TValueOut>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return MapValues((_, value) => mapper(value), named, materialized);
    }

    public IKTable<TKey, TValueOut> MapValues<TValueOut>(
        Func<TKey, TValue, TValueOut> mapper, Named? named = null, Materialized<TKey, TValueOut>? materialized = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return Derive(named, "KTABLE-MAPVALUES-", materialized, MayDelete, (key, value) => (true, mapper(key, value)), null, filter: false);
    }

    public IKStream<TKey, TValue> ToStream(Named? named = null)
    {
        if (MayDelete && typeof(TValue).IsValueType && Nullable.GetUnderlyingType(typeof(TValue)) is null)
        {
            throw new TopologyException(
                $"table '{NodeName}' of {typeof(TValue).Name} values may delete rows, and a stream of {typeof(TValue).Name} " +
                $"cannot carry a delete (a null value): map the table to {typeof(TValue).Name}? first, e.g. MapValues(v => ({typeof(TValue).Name}?)v)");
        }

        var name = _builder.NameOrGenerate(named?.Name, "KTABLE-TOSTREAM-");
        _builder.AddFixedKeyProcessor(name, () => new KTableToStreamProcessor<TKey, TValue>(), NodeName);
        return new KStreamImpl<TKey, TValue>(_builder, name, _keySerde, _valueSerde, false);
    }

    public IKStream<TKeyOut, TValue> ToStream<TKeyOut>(Func<TKey, TValue, TKeyOut> keyMapper, Named? named = null)
    {
        ArgumentNullException.ThrowIfNull(keyMapper);
        return ToStream(named).SelectKey(keyMapper);
    }

    public IKGroupedTable<TKeyOut, TValueOut> GroupBy<TKeyOut, TValueOut>(
        Func<TKey, TValue, KeyValue<TKeyOut, TValueOut>> selector, Grouped<TKeyOut, TValueOut>? grouped = null)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var name = _builder.NameOrGenerate(grouped?.Name, "KTABLE-SELECT-");
        _builder.AddProcessor(name, () => new KTableRepartitionMapProcessor<TKey, TValue, TKeyOut, TValueOut>(selector), NodeName);
        EnableSendingOldValues();
        return new KGroupedTableImpl<TKeyOut, TValueOut>(_builder, name, grouped?.KeySerde, grouped?.ValueSerde, grouped?.Name);
    }

    /// <summary>
    /// Makes this table's updates carry old values; a stateless table asks its parent for them, and a source table is
    /// materialized for them (Kafka Streams' <c>enableSendingOldValues(true)</c>).
    /// </summary>
    public void EnableSendingOldValues()
    {
        SendOldValues.Enabled = true;
        _sourceMaterialization?.Materialize();
        _enableParentOldValues?.Invoke();
    }

    /// <summary>
    /// Makes this table's updates carry old values when it can without materializing a source table the user did not
    /// (Kafka Streams' <c>enableSendingOldValues(false)</c>), and says whether it did: a source table can once Kafka
    /// Streams would have materialized it (named by <c>Materialized</c>, made to send old values, or read by a join), a
    /// stateless table when its parent can, any other always. Our source tables all have a store (decision 0003); this
    /// keeps what flows downstream of an unmaterialized one Kafka's.
    /// </summary>
    public bool TryEnableSendingOldValues()
    {
        var can = _sourceMaterialization is { } source
            ? source.IsMaterialized
            : _parentOldValuesWithoutForcing?.Invoke() ?? true;
        if (can)
        {
            EnableSendingOldValues();
        }

        return can;
    }

    private KTableImpl<TKey, TValue> FilterImpl(
        Func<TKey, TValue, bool> predicate, bool keepWhen, Named? named, Materialized<TKey, TValue>? materialized)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var table = Derive(
            named, "KTABLE-FILTER-", materialized, true, (key, value) => (predicate(key, value) == keepWhen, value), _valueSerde,
            filter: true);

        // As Kafka Streams' KTableFilter (KAFKA-10077): over a table that sends old values anyway, the filter knows the
        // old row and forwards a delete only for a row that stops matching; otherwise a delete for each update that does
        // not match (until downstream asks for old values).
        if (TryEnableSendingOldValues())
        {
            table.EnableSendingOldValues();
        }

        return table;
    }

    private KTableImpl<TKey, TValueOut> Derive<TValueOut>(
        Named? named, string prefix, Materialized<TKey, TValueOut>? materialized, bool mayDelete,
        Func<TKey, TValue, (bool, TValueOut)> map, ISerde<TValueOut>? knownValueSerde, bool filter)
    {
        // As Kafka Streams' KTableImpl.doFilter/doMapValues: only a named Materialized materializes the result; one
        // without a name draws (and drops) a store name, before the node's name.
        var storeName = materialized?.StoreName;
        _builder.DrawDroppedStoreName(materialized, prefix);

        var name = _builder.NameOrGenerate(named?.Name, prefix);

        IKTableValueGetterSupplier<TKey, TValueOut>? getter = storeName is not null
            ? new StoreValueGetterSupplier<TKey, TValueOut>(storeName)
            : ValueGetterSupplier is { } parent ? new MappedValueGetterSupplier<TKey, TValue, TValueOut>(parent, map) : null;
        var table = new KTableImpl<TKey, TValueOut>(
            _builder, name, storeName, _keySerde, materialized?.ValueSerde ?? knownValueSerde, mayDelete,
            storeName is null ? EnableSendingOldValues : null, getter, storeName is null ? TryEnableSendingOldValues : null,
            materializeParentForReads: storeName is null ? MaterializeForReads : null);
        var sendOld = table.SendOldValues;
        _builder.AddProcessor(name, () => new KTableValueProcessor<TKey, TValue, TValueOut>(map, filter, storeName, sendOld), NodeName);
        if (storeName is not null)
        {
            var keys = InternalStreamsBuilder.SerdeOrDefault(materialized!.KeySerde ?? _keySerde, $"Table '{name}'");
            var values = InternalStreamsBuilder.SerdeOrDefault(materialized.ValueSerde ?? knownValueSerde, $"Table '{name}'");
            _builder.Topology.AddStateStore(MaterializedResolver.StoreBuilder(materialized, storeName, keys, values), [name]);
        }

        return table;
    }
}
