using StreamsApp.Streams.Dsl.Internal.Suppress;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// How a windowed aggregation cuts its input into windows: the windowed table with its keys and close time, the store
/// behind it, and the processor that folds an input into it. The processor is made for any value type, so that the
/// inputs of a cogroup, each of its own type, share one windowing.
/// </summary>
/// <typeparam name="TKey">The key type, before windowing.</typeparam>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
internal abstract class Windowing<TKey, TAggregate>
{
    /// <summary>How long after its end (as in its key) stream time must go before a window is closed.</summary>
    protected abstract long ClosesAfterEndMs { get; }

    /// <summary>Whether the table forwards deletes (session merges always do).</summary>
    protected abstract bool MayDelete { get; }

    /// <summary>The store, given its name and the key and aggregate serdes.</summary>
    public abstract IStoreBuilder<IStateStore> Store(string storeName, ISerde<TKey> keys, ISerde<TAggregate> aggregates);

    /// <summary>The aggregate processor of one input, writing the store <paramref name="storeName"/>.</summary>
    /// <param name="storeName">The store the processor writes.</param>
    /// <param name="first">The aggregate of a window's first value.</param>
    /// <param name="next">Folds a value into an aggregate.</param>
    /// <param name="sendOldValues">The table's old-values switch.</param>
    public abstract IProcessor<TKey, TValue, Windowed<TKey>, Change<TAggregate>> Processor<TValue>(
        string storeName, Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next, OldValuesSwitch sendOldValues);

    /// <summary>The windowed table named <paramref name="name"/>, over the store <paramref name="storeName"/>.</summary>
    public KTableImpl<Windowed<TKey>, TAggregate> Table(
        InternalStreamsBuilder builder, string name, string? queryableName, ISerde<TKey> keys, ISerde<TAggregate> aggregates, string storeName) =>
        KTableImpl<Windowed<TKey>, TAggregate>.WindowAggregated(
            builder, name, queryableName, WindowedKeys(keys), aggregates, MayDelete,
            new WindowCloseTime<Windowed<TKey>>(static key => key.Window.EndMs, ClosesAfterEndMs), ValueGetter(storeName));

    /// <summary>The serde of the table's windowed keys, from the key serde.</summary>
    protected abstract ISerde<Windowed<TKey>> WindowedKeys(ISerde<TKey> keys);

    /// <summary>How joins read the table's rows from the store <paramref name="storeName"/>.</summary>
    protected abstract IKTableValueGetterSupplier<Windowed<TKey>, TAggregate> ValueGetter(string storeName);
}
