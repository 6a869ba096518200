using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Turns each saga's state changes into moves between states: a saga reaching a state further along than the one
/// it is counted in (<see cref="SagaProgress"/>) leaves that state (-1) and enters the new one (+1), keyed by the
/// states' symbols. It keeps the state each saga is counted in (<see cref="ProjectionStores.SagaStatus"/>, keyed by saga
/// id), so a redelivered change, or one older than what was counted, moves nothing. This is what a table re-grouping
/// (KTable groupBy) does, but the decrement is stamped with the time of the move rather than that of the old row.
/// A tombstone on <c>saga.state</c> carries no state and is ignored: a saga once counted stays in its last state.
/// </summary>
internal sealed class SagaStatusTracker : IProcessor<string, SagaState, string, SagaCountChange>
{
    private IProcessorContext<string, SagaCountChange>? _context;
    private IKeyValueStore<string, string>? _counted;

    public void Init(IProcessorContext<string, SagaCountChange> context)
    {
        _context = context;
        _counted = context.GetStateStore<IKeyValueStore<string, string>>(ProjectionStores.SagaStatus);
    }

    public void Process(Record<string, SagaState> record)
    {
        if (record.Key is null || record.Value is not { } state)
        {
            return;
        }

        SagaStatus? previous = _counted!.TryGet(record.Key, out var symbol) ? Enum.Parse<SagaStatus>(symbol) : null;
        if (previous is { } counted && !state.Status.IsAfter(counted))
        {
            return;
        }

        _counted.Put(record.Key, state.Status.ToString());
        if (previous is { } left)
        {
            Forward(record, left, -1, state.UpdatedAt);
        }

        Forward(record, state.Status, +1, state.UpdatedAt);
    }

    private void Forward(Record<string, SagaState> cause, SagaStatus status, int delta, DateTimeOffset at) =>
        _context!.Forward(new Record<string, SagaCountChange>(status.ToString(), new SagaCountChange(delta, at), cause.Timestamp, cause.Headers));
}
