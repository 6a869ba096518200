using StreamsApp.Streams.Dsl.Internal.Suppress;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal;

internal sealed partial class KTableImpl<TKey, TValue>
{
    /// <summary>
    /// The table of a windowed aggregation, keyed by <see cref="Windowed{TKey}"/>: its windows close at window end
    /// plus grace, which <see cref="Suppressed.UntilWindowCloses{TKey}"/> waits for. Joins read it through its window
    /// or session store (<paramref name="valueGetter"/>).
    /// </summary>
    public static KTableImpl<TKey, TValue> WindowAggregated(
        InternalStreamsBuilder builder, string name, string? queryableName, ISerde<TKey> keySerde, ISerde<TValue> valueSerde,
        bool mayDelete, WindowCloseTime<TKey> windowClose, IKTableValueGetterSupplier<TKey, TValue> valueGetter) =>
        new(builder, name, queryableName, keySerde, valueSerde, mayDelete, null, valueGetter) { WindowClose = windowClose };
}
