using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.StreamJoins;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>
/// Windowed stream-stream joins (Kafka Streams' <c>KStreamImplJoin</c>): each side is repartitioned when its key may
/// have changed, remembered in its own window store (<c>KSTREAM-WINDOWED-</c>), and joined against the other side's
/// store (<c>KSTREAM-JOINTHIS-</c>/<c>KSTREAM-JOINOTHER-</c>); both results are merged (<c>KSTREAM-MERGE-</c>). The
/// shared stores put both sides in one sub-topology, which makes them co-partitioned.
/// </summary>
internal sealed partial class KStreamImpl<TKey, TValue>
{
    public IKStream<TKey, TResult> Join<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null) =>
        StreamJoin(other, KeyAware(joiner), windows, streamJoined, leftOuter: false, rightOuter: false);

    public IKStream<TKey, TResult> Join<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TKey, TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null) =>
        StreamJoin(other, joiner, windows, streamJoined, leftOuter: false, rightOuter: false);

    public IKStream<TKey, TResult> LeftJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null) =>
        StreamJoin(other, KeyAware(joiner), windows, streamJoined, leftOuter: true, rightOuter: false);

    public IKStream<TKey, TResult> LeftJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TKey, TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null) =>
        StreamJoin(other, joiner, windows, streamJoined, leftOuter: true, rightOuter: false);

    public IKStream<TKey, TResult> OuterJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null) =>
        StreamJoin(other, KeyAware(joiner), windows, streamJoined, leftOuter: true, rightOuter: true);

    public IKStream<TKey, TResult> OuterJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TKey, TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined = null) =>
        StreamJoin(other, joiner, windows, streamJoined, leftOuter: true, rightOuter: true);

    /// <summary>The node a join reads this stream from: this node, or a repartition topic when the key may have changed.</summary>
    internal string JoinSource(string? joinName, string side, ISerde<TKey> keys, ISerde<TValue>? values)
    {
        if (!repartitionRequired)
        {
            return NodeName;
        }

        // As in Kafka Streams: <join name>-left|right-repartition, else <this node>-repartition.
        var topicPrefix = joinName is null ? NodeName : $"{joinName}-{side}";
        var repartitionValues = InternalStreamsBuilder.SerdeOrDefault(
            values ?? valueSerde, $"The repartition topic before stream-stream join '{topicPrefix}'");
        return RepartitionForJoin(topicPrefix, keys, repartitionValues);
    }

    private static Func<TKey, TValue, TOther, TResult> KeyAware<TOther, TResult>(Func<TValue, TOther, TResult> joiner)
    {
        ArgumentNullException.ThrowIfNull(joiner);
        return (_, value, other) => joiner(value, other);
    }

    private KStreamImpl<TKey, TResult> StreamJoin<TOtherValue, TResult>(
        IKStream<TKey, TOtherValue> other, Func<TKey, TValue, TOtherValue, TResult> joiner, JoinWindows windows,
        StreamJoined<TKey, TValue, TOtherValue>? streamJoined, bool leftOuter, bool rightOuter)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(joiner);
        ArgumentNullException.ThrowIfNull(windows);
        var otherImpl = (KStreamImpl<TKey, TOtherValue>)other;
        var name = streamJoined?.Name;
        var usage = $"Stream-stream join of '{NodeName}' and '{otherImpl.NodeName}'";
        var keys = InternalStreamsBuilder.SerdeOrDefault(streamJoined?.KeySerde ?? keySerde ?? otherImpl.KeySerde, usage);
        var thisSource = JoinSource(name, "left", keys, streamJoined?.ValueSerde);
        var otherSource = otherImpl.JoinSource(name, "right", keys, streamJoined?.OtherValueSerde);
        var thisValues = InternalStreamsBuilder.SerdeOrDefault(streamJoined?.ValueSerde ?? valueSerde, usage);
        var otherValues = InternalStreamsBuilder.SerdeOrDefault(streamJoined?.OtherValueSerde ?? otherImpl.ValueSerde, usage);

        var names = StreamJoinNames.Draw(builder, name, streamJoined?.StoreName, leftOuter, rightOuter);
        var logging = streamJoined?.LoggingEnabled ?? true;
        var thisStore = JoinStore(streamJoined?.ThisStoreSupplier, names.ThisStore, windows, keys, thisValues, logging);
        var otherStore = JoinStore(streamJoined?.OtherStoreSupplier, names.OtherStore, windows, keys, otherValues, logging);

        // A given supplier names its store.
        var (thisStoreName, otherStoreName) = (thisStore.Name, otherStore.Name);
        builder.AddFixedKeyProcessor(names.ThisWindowed, () => new KStreamJoinWindowProcessor<TKey, TValue>(thisStoreName), thisSource);
        builder.AddFixedKeyProcessor(names.OtherWindowed, () => new KStreamJoinWindowProcessor<TKey, TOtherValue>(otherStoreName), otherSource);

        // A waiting record of either side becomes a result with default for the side that never came.
        Func<TKey, LeftOrRightValue<TValue, TOtherValue>, TResult> unmatched =
            (key, waiting) => waiting.IsLeft ? joiner(key, waiting.Left, default!) : joiner(key, default!, waiting.Right);
        var outerStore = names.OuterStore;
        var trackers = outerStore is null ? null : new OuterJoinTimeTrackers();
        builder.AddProcessor(
            names.JoinThis,
            () => new KStreamKStreamJoinProcessor<TKey, TValue, TOtherValue, TValue, TOtherValue, TResult>(
                otherStoreName, outerStore, thisIsLeft: true, windows, leftOuter, joiner,
                LeftOrRightValue<TValue, TOtherValue>.OfLeft, unmatched, trackers),
            names.ThisWindowed);
        builder.AddProcessor(
            names.JoinOther,
            () => new KStreamKStreamJoinProcessor<TKey, TOtherValue, TValue, TValue, TOtherValue, TResult>(
                thisStoreName, outerStore, thisIsLeft: false, windows.Reversed, rightOuter,
                (key, otherValue, thisValue) => joiner(key, thisValue, otherValue),
                LeftOrRightValue<TValue, TOtherValue>.OfRight, unmatched, trackers),
            names.OtherWindowed);
        builder.AddFixedKeyProcessor(names.Merge, () => new PassThroughProcessor<TKey, TResult>(), names.JoinThis, names.JoinOther);

        // Kafka Streams' store connections: each windowed node its own store, each join node the other side's.
        builder.Topology.AddStateStore(thisStore, [names.ThisWindowed, names.JoinOther]);
        builder.Topology.AddStateStore(otherStore, [names.OtherWindowed, names.JoinThis]);
        if (outerStore is not null)
        {
            var outer = Stores.KeyValueStoreBuilder(
                Stores.PersistentKeyValueStore(outerStore), OuterJoinSerdes.Key(keys), OuterJoinSerdes.Value(thisValues, otherValues));
            builder.Topology.AddStateStore(logging ? outer.WithLoggingEnabled() : outer.WithLoggingDisabled(), [names.JoinThis, names.JoinOther]);
        }

        return new KStreamImpl<TKey, TResult>(builder, names.Merge, keys, null, false);
    }

    private static IStoreBuilder<IWindowStore<TKey, TStoreValue>> JoinStore<TStoreValue>(
        IWindowBytesStoreSupplier? supplier, string name, JoinWindows windows, ISerde<TKey> keys, ISerde<TStoreValue> values,
        bool logging)
    {
        // Kafka Streams' retention, window size + grace, so that a late record of the other side finds exactly the
        // records Kafka's store still returns. Our stores need at least 1 ms; with 0 Kafka's would return nothing.
        var retentionMs = Math.Max(1, windows.SizeMs + windows.GraceMs);
        var windowSizeMs = Math.Max(1, windows.SizeMs);
        if (supplier is { RetainDuplicates: false })
        {
            throw new TopologyException($"The store supplier '{supplier.Name}' of a stream-stream join must retain duplicates");
        }

        // As Kafka Streams: a store keeping records longer or shorter than the join would join records Kafka's would not.
        if (supplier is not null && (supplier.RetentionPeriodMs != retentionMs || supplier.WindowSizeMs != windowSizeMs))
        {
            throw new TopologyException(
                $"The store supplier '{supplier.Name}' of a stream-stream join must match its join windows: retention " +
                $"{retentionMs} ms (window size + grace) and window size {windowSizeMs} ms, got {supplier.RetentionPeriodMs} ms and {supplier.WindowSizeMs} ms");
        }

        supplier ??= Stores.PersistentWindowStore(
            name, TimeSpan.FromMilliseconds(retentionMs), TimeSpan.FromMilliseconds(windowSizeMs), retainDuplicates: true);
        var store = Stores.WindowStoreBuilder(supplier, keys, values);
        return logging ? store.WithLoggingEnabled() : store.WithLoggingDisabled();
    }

    internal ISerde<TKey>? KeySerde => keySerde;

    internal ISerde<TValue>? ValueSerde => valueSerde;
}
