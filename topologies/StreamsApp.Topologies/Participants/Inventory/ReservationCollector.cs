using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// Gathers the product tasks' outcomes on the order's task and decides all or nothing: when every line is held the
/// order is reserved; when any is short it fails and the held lines are given back.
/// </summary>
internal sealed class ReservationCollector : IProcessor<string, StockLineOutcome, string, ReservationEffect>
{
    private IProcessorContext<string, ReservationEffect>? _context;
    private IKeyValueStore<string, Reservation>? _reservations;

    public void Init(IProcessorContext<string, ReservationEffect> context)
    {
        _context = context;
        _reservations = context.GetStateStore<IKeyValueStore<string, Reservation>>(InventoryTopology.ReservationStore);
    }

    public void Process(Record<string, StockLineOutcome> record)
    {
        var outcome = record.Value;

        // Not pending: released meanwhile (its release lines follow the reserve lines, so nothing stays held), or an
        // outcome redelivered after the decision.
        if (!_reservations!.TryGet(outcome.OrderId, out var reservation) || reservation.Status != ReservationStatus.Pending
            || reservation.Held.Contains(outcome.ProductId) || reservation.Short.ContainsKey(outcome.ProductId))
        {
            return;
        }

        reservation = outcome.ShortReason is { } reason
            ? reservation with { Short = new Dictionary<string, string>(reservation.Short) { [outcome.ProductId] = reason } }
            : reservation with { Held = [.. reservation.Held, outcome.ProductId] };
        if (!reservation.AllLinesAnswered())
        {
            _reservations.Put(outcome.OrderId, reservation);
            return;
        }

        reservation = reservation with { Status = reservation.Short.Count == 0 ? ReservationStatus.Reserved : ReservationStatus.Failed };
        _reservations.Put(outcome.OrderId, reservation);
        var reply = reservation.Reply(reservation.Command, reservation.Trace, record.Timestamp);
        _context!.Forward(reply.WithValue(ReservationEffect.Of(reply.Value)));
        if (reservation.Status == ReservationStatus.Failed)
        {
            foreach (var line in reservation.ReleaseLines(reservation.Held))
            {
                _context.Forward(new Record<string, ReservationEffect>(line.ProductId, ReservationEffect.Of(line), record.Timestamp));
            }
        }
    }
}
