using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// Sessions over a session store, aggregated with <see cref="KStreamSessionWindowAggregateProcessor{TKey, TValue, TAggregate}"/>.
/// The table forwards deletes: the tombstones of merged sessions.
/// </summary>
/// <param name="windows">The gap and grace.</param>
/// <param name="materialized">The store's materialization, if given.</param>
/// <param name="initializer">The empty aggregate, or null for Reduce, whose first value is its aggregate.</param>
/// <param name="merge">Folds a merged session's aggregate into the running one.</param>
internal sealed class SessionWindowing<TKey, TAggregate>(
    SessionWindows windows, Materialized<TKey, TAggregate>? materialized, Func<TAggregate>? initializer,
    Func<TKey, TAggregate, TAggregate, TAggregate> merge) : Windowing<TKey, TAggregate>
{
    // A session ending at t can still grow until stream time passes t + gap: it closes grace after that.
    protected override long ClosesAfterEndMs => windows.GraceMs + windows.InactivityGapMs;

    protected override bool MayDelete => true;

    public override IStoreBuilder<IStateStore> Store(string storeName, ISerde<TKey> keys, ISerde<TAggregate> aggregates) =>
        WindowedStoreResolver.SessionStore(materialized, storeName, windows, keys, aggregates);

    public override IProcessor<TKey, TValue, Windowed<TKey>, Change<TAggregate>> Processor<TValue>(
        string storeName, Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next, OldValuesSwitch sendOldValues) =>
        new KStreamSessionWindowAggregateProcessor<TKey, TValue, TAggregate>(storeName, windows, initializer, first, next, merge, sendOldValues);

    protected override ISerde<Windowed<TKey>> WindowedKeys(ISerde<TKey> keys) => WindowedSerdes.SessionWindowed(keys);

    protected override IKTableValueGetterSupplier<Windowed<TKey>, TAggregate> ValueGetter(string storeName) =>
        new SessionStoreValueGetterSupplier<TKey, TAggregate>(storeName);
}
