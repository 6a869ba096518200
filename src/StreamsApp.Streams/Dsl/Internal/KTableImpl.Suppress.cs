using StreamsApp.Streams.Dsl.Internal.Suppress;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.State.Internal.Suppress;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>Suppression of a table's updates: a <c>KTABLE-SUPPRESS-</c> node with its own buffer store.</summary>
internal sealed partial class KTableImpl<TKey, TValue>
{
    private const string SuppressName = "KTABLE-SUPPRESS-";

    /// <summary>When this table's windows close; null for a table that is not windowed.</summary>
    public WindowCloseTime<TKey>? WindowClose { get; init; }

    public IKTable<TKey, TValue> Suppress(Suppressed<TKey> suppressed)
    {
        ArgumentNullException.ThrowIfNull(suppressed);
        var windowClose = WindowClose;
        if (suppressed.UntilWindowCloses && windowClose is null)
        {
            throw new TopologyException(
                $"Suppressed.UntilWindowCloses applies only to windowed tables (WindowedBy(...) aggregations), and table " +
                $"'{NodeName}' is not windowed; use Suppressed.UntilTimeLimit to rate-limit its updates");
        }

        // A user's name draws no number for the node or its store (Kafka Streams' KTableImpl.suppress).
        var name = suppressed.Name ?? _builder.NewProcessorName(SuppressName);
        var storeName = suppressed.Name is { } userName ? userName + "-store" : _builder.NewStoreName(SuppressName);
        var keys = InternalStreamsBuilder.SerdeOrDefault(_keySerde, $"Suppression '{name}'");
        var values = InternalStreamsBuilder.SerdeOrDefault(_valueSerde, $"Suppression '{name}'");
        var config = suppressed.BufferConfig;

        // The buffer keeps each key's row from before its buffered updates, from the parent's old values, as Kafka
        // Streams does: the value getter shows that row while the key is held back (reading the parent alone would
        // show updates downstream has not seen), and it is the old value emitted when downstream asks for one.
        EnableSendingOldValues();
        var getter = ValueGetterSupplier is { } parent ? new SuppressedValueGetterSupplier<TKey, TValue>(parent, storeName) : null;
        var table = new KTableImpl<TKey, TValue>(_builder, name, null, _keySerde, _valueSerde, MayDelete, null, getter)
        {
            WindowClose = windowClose,
        };
        var sendOld = table.SendOldValues;
        Func<Processing.Record<TKey, Processing.Internal.Change<TValue>>, long> bufferTime = windowClose is null
            ? static record => record.Timestamp
            : record => windowClose.WindowEnd(record.Key);
        var waitMs = windowClose?.GraceMs ?? (long)suppressed.TimeToWaitForMoreEvents!.Value.TotalMilliseconds;
        _builder.AddProcessor(
            name,
            () => new KTableSuppressProcessor<TKey, TValue>(name, storeName, bufferTime, waitMs, config, suppressed.UntilWindowCloses, sendOld),
            NodeName);

        var store = new TimeOrderedKeyValueBufferBuilder<TKey, TValue>(storeName, keys, values);
        _builder.Topology.AddStateStore(config.LoggingEnabled ? store.WithLoggingEnabled(config.LogConfig) : store.WithLoggingDisabled(), [name]);
        return table;
    }
}
