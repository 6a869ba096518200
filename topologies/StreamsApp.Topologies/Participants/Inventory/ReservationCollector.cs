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

        // Unknown, or released meanwhile (its release lines follow the reserve lines, so nothing stays held).
        if (!_reservations!.TryGet(outcome.OrderId, out var reservation) || reservation.Status == ReservationStatus.Released)
        {
            return;
        }

        // An outcome after the decision is redelivered or answers lines sent again: a crash (at-least-once) may have
        // kept the decision and lost what it sent, so it is sent again, with the same reply id.
        if (reservation.Status != ReservationStatus.Pending)
        {
            Decided(reservation, record.Timestamp);
            return;
        }

        if (reservation.Held.Contains(outcome.ProductId) || reservation.Short.ContainsKey(outcome.ProductId))
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
        Decided(reservation, record.Timestamp);
    }

    /// <summary>Sends a decision: the reply, and for a failed order the release of its held lines (releasing twice is releasing once).</summary>
    private void Decided(Reservation reservation, long timestamp)
    {
        var reply = reservation.Reply(reservation.Command, reservation.Trace, timestamp);
        _context!.Forward(reply.WithValue(ReservationEffect.Of(reply.Value)));
        if (reservation.Status == ReservationStatus.Failed)
        {
            foreach (var line in reservation.ReleaseLines(reservation.Held))
            {
                _context.Forward(new Record<string, ReservationEffect>(line.ProductId, ReservationEffect.Of(line), timestamp));
            }
        }
    }
}
