using StreamsApp.Streams.Dsl.Internal.Processors;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.Windowing;

/// <summary>
/// Tumbling, hopping or sliding windows over a timestamped window store: tumbling and hopping windows aggregate with
/// <see cref="KStreamWindowAggregateProcessor{TKey, TValue, TAggregate}"/>, sliding ones with
/// <see cref="KStreamSlidingWindowAggregateProcessor{TKey, TValue, TAggregate}"/>.
/// </summary>
internal sealed class TimeWindowing<TKey, TAggregate> : Windowing<TKey, TAggregate>
{
    private readonly TimeWindows? _timeWindows;
    private readonly SlidingWindows? _slidingWindows;
    private readonly WindowSpec _spec;
    private readonly Materialized<TKey, TAggregate>? _materialized;

    public TimeWindowing(TimeWindows windows, Materialized<TKey, TAggregate>? materialized)
    {
        _timeWindows = windows;
        _spec = WindowSpec.Of(windows);
        _materialized = materialized;
    }

    public TimeWindowing(SlidingWindows windows, Materialized<TKey, TAggregate>? materialized)
    {
        _slidingWindows = windows;
        _spec = WindowSpec.Of(windows);
        _materialized = materialized;
    }

    protected override long ClosesAfterEndMs => _spec.ClosesAfterEndMs;

    protected override bool MayDelete => !typeof(TAggregate).IsValueType;

    public override IStoreBuilder<IStateStore> Store(string storeName, ISerde<TKey> keys, ISerde<TAggregate> aggregates) =>
        WindowedStoreResolver.WindowStore(_materialized, storeName, _spec, keys, aggregates);

    public override IProcessor<TKey, TValue, Windowed<TKey>, Change<TAggregate>> Processor<TValue>(
        string storeName, Func<TKey, TValue, TAggregate> first, Func<TKey, TValue, TAggregate, TAggregate> next, OldValuesSwitch sendOldValues) =>
        _slidingWindows is { } sliding
            ? new KStreamSlidingWindowAggregateProcessor<TKey, TValue, TAggregate>(storeName, sliding, first, next, sendOldValues)
            : new KStreamWindowAggregateProcessor<TKey, TValue, TAggregate>(storeName, _timeWindows!, first, next, sendOldValues);

    protected override ISerde<Windowed<TKey>> WindowedKeys(ISerde<TKey> keys) => WindowedSerdes.TimeWindowed(keys, TimeSpan.FromMilliseconds(_spec.SizeMs));

    protected override IKTableValueGetterSupplier<Windowed<TKey>, TAggregate> ValueGetter(string storeName) =>
        new WindowStoreValueGetterSupplier<TKey, TAggregate>(storeName);
}
