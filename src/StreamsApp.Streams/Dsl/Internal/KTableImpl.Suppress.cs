using StreamsApp.Streams.Dsl.Internal.Suppress;
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

        var name = suppressed.Name ?? _builder.NewProcessorName(SuppressName);
        var storeName = suppressed.Name is { } userName ? userName + "-store" : _builder.NewStoreName(SuppressName);
        var keys = InternalStreamsBuilder.SerdeOrDefault(_keySerde, $"Suppression '{name}'");
        var values = InternalStreamsBuilder.SerdeOrDefault(_valueSerde, $"Suppression '{name}'");
        var config = suppressed.BufferConfig;

        // The emitted old value is the one before the buffered updates, so the parent sends old values only when
        // downstream of the suppression asks for them. A suppressed table has no value getter (yet): reading the
        // parent's would show updates the suppression still holds back, so joining it fails at build time.
        var table = new KTableImpl<TKey, TValue>(_builder, name, null, _keySerde, _valueSerde, MayDelete, EnableSendingOldValues, null)
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
