using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Saga statistics, counted in the task that reads each <c>saga.state</c> partition, with no repartition: a saga
/// reaching a state further along than the one it is counted in (<see cref="SagaProgress"/>) moves there. Each saga's
/// counted state is one record (<see cref="ProjectionStores.SagaCounts"/>, change-logged), written whole, so a
/// redelivered or older state changes nothing, and no crash or late write can count a saga twice or in two states.
/// The partition's totals are the sum of those records: made once when the task starts, kept up to date with each
/// move, in a store that is not change-logged (<see cref="ProjectionStores.SagaTotals"/>) for readers to sum over
/// tasks (<see cref="SagaCounts.Sum"/>). A tombstone on <c>saga.state</c> carries no state and is ignored: a saga
/// once counted stays in its last state.
/// </summary>
internal sealed class SagaCounter : IProcessor<string, SagaState, string, SagaState>
{
    private IKeyValueStore<string, SagaMark>? _marks;
    private IKeyValueStore<string, SagaTotals>? _totalsStore;
    private SagaTotals _totals = SagaTotals.None;

    public void Init(IProcessorContext<string, SagaState> context)
    {
        _marks = context.GetStateStore<IKeyValueStore<string, SagaMark>>(ProjectionStores.SagaCounts);
        _totalsStore = context.GetStateStore<IKeyValueStore<string, SagaTotals>>(ProjectionStores.SagaTotals);

        // One read of the task's sagas, restored by now: what every later move adds to.
        _totals = _marks.All().Aggregate(SagaTotals.None, (totals, entry) => totals.Moved(null, entry.Value));
        _totalsStore.Put(SagaCounts.TotalsKey, _totals);
    }

    public void Process(Record<string, SagaState> record)
    {
        if (string.IsNullOrEmpty(record.Key) || record.Value is not { } state)
        {
            return;
        }

        var counted = _marks!.TryGet(record.Key, out var mark) ? mark : null;
        if (counted is not null && !state.Status.IsAfter(counted.Status))
        {
            return;
        }

        var moved = new SagaMark(state.Status, state.TimedOut, state.UpdatedAt);
        _marks.Put(record.Key, moved);
        _totals = _totals.Moved(counted, moved);
        _totalsStore!.Put(SagaCounts.TotalsKey, _totals);
    }
}
