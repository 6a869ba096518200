using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Projections;

/// <summary>
/// Stores each order's <see cref="CustomerOrderOutcome"/> under its customer (<see cref="CustomerSummaries.Key"/>),
/// replacing the stored one only with a later one. Each order is one record, written whole, so a redelivery (of
/// <c>saga.state</c>, or of the repartition topic, which at-least-once can both repeat after a crash) is ignored and
/// no count can drift: a summary is the sum of these records, read when asked for.
/// </summary>
internal sealed class CustomerOrderOutcomes : IProcessor<string, CustomerOrderOutcome, string, CustomerOrderOutcome>
{
    private IKeyValueStore<string, CustomerOrderOutcome>? _outcomes;

    public void Init(IProcessorContext<string, CustomerOrderOutcome> context) =>
        _outcomes = context.GetStateStore<IKeyValueStore<string, CustomerOrderOutcome>>(ProjectionStores.CustomerOrders);

    public void Process(Record<string, CustomerOrderOutcome> record)
    {
        if (string.IsNullOrEmpty(record.Key) || record.Value is not { } outcome)
        {
            return;
        }

        var key = CustomerSummaries.Key(record.Key, outcome.OrderId);
        if (!_outcomes!.TryGet(key, out var stored) || outcome.IsLaterThan(stored))
        {
            _outcomes.Put(key, outcome);
        }
    }
}
