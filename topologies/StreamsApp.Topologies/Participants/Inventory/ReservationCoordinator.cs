using StreamsApp.Contracts.Inventory;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Participants.Inventory;

/// <summary>
/// Takes the saga's inventory commands on the order's task: a ReserveStock is split into one line per product for
/// the product tasks, a ReleaseStock gives back every product the order may hold and is confirmed. A command for an
/// order already decided is answered with the same decision rather than acted on twice.
/// </summary>
internal sealed class ReservationCoordinator : IProcessor<string, InventoryCommand, string, ReservationEffect>
{
    private IProcessorContext<string, ReservationEffect>? _context;
    private IKeyValueStore<string, Reservation>? _reservations;

    public void Init(IProcessorContext<string, ReservationEffect> context)
    {
        _context = context;
        _reservations = context.GetStateStore<IKeyValueStore<string, Reservation>>(InventoryTopology.ReservationStore);
    }

    public void Process(Record<string, InventoryCommand> record)
    {
        var trace = TraceHeaders.Read(record.Headers);
        switch (record.Value.Message)
        {
            case ReserveStock reserve:
                Reserve(reserve, trace, record.Timestamp);
                break;
            case ReleaseStock release:
                Release(release, trace, record.Timestamp);
                break;
            default:
                throw new InvalidOperationException($"inventory.commands carries no {record.Value.Message?.GetType().Name}");
        }
    }

    private void Reserve(ReserveStock command, TraceHeaders? trace, long timestamp)
    {
        if (_reservations!.TryGet(command.OrderId, out var known))
        {
            // Decided: answered as before (a redelivery gets the same reply id). Pending: its lines are sent again, as
            // a crash (at-least-once) may have kept the reservation and lost them; a product task answers a line it
            // holds already with the same outcome, which the collector counts once.
            if (known.Status != ReservationStatus.Pending)
            {
                Emit(known.Reply(command, trace, timestamp));
            }
            else
            {
                EmitReserveLines(known, timestamp);
            }

            return;
        }

        if (command.Items.Count == 0 || command.Items.Any(item => item.Quantity <= 0))
        {
            var invalid = Reservation.Start(ReservationStatus.Failed, command, trace, command.Items);
            _reservations.Put(command.OrderId, invalid);
            Emit(invalid.Reply(command, trace, timestamp));
            return;
        }

        var reservation = Reservation.Start(ReservationStatus.Pending, command, trace, command.Items);
        _reservations.Put(command.OrderId, reservation);
        EmitReserveLines(reservation, timestamp);
    }

    private void EmitReserveLines(Reservation reservation, long timestamp)
    {
        foreach (var (productId, quantity) in reservation.QuantitiesByProduct())
        {
            Emit(new StockLine(reservation.Command.OrderId, productId, quantity, StockLineAction.Reserve), timestamp);
        }
    }

    /// <summary>
    /// Gives back what the order holds and confirms it (<see cref="StockReleased"/>), also when there was nothing to give
    /// back, so the saga can finish compensating however often it asks. The release lines are on their way to the
    /// product tasks in the same step as the reply, ahead of any later reservation on each product's partition.
    /// </summary>
    private void Release(ReleaseStock command, TraceHeaders? trace, long timestamp)
    {
        var reservation = _reservations!.TryGet(command.OrderId, out var known)
            ? known
            : Reservation.Start(ReservationStatus.Released, command, trace, command.Items);

        // Failed: the held lines were already given back. Released: releasing twice is releasing once.
        if (known is not { Status: ReservationStatus.Failed or ReservationStatus.Released })
        {
            // A pending order's reserve lines are ahead of these release lines on each product's partition, so whatever
            // they hold is given back; their late outcomes find the order released and are ignored.
            _reservations.Put(command.OrderId, reservation with { Status = ReservationStatus.Released });
            foreach (var line in reservation.ReleaseLines(reservation.QuantitiesByProduct().Select(q => q.ProductId)))
            {
                Emit(line, timestamp);
            }
        }

        Emit(CommandReply.Record(command, trace, timestamp, new InventoryReply { Message = new StockReleased().Answering(command, timestamp) }));
    }

    private void Emit(Record<string, InventoryReply> reply) => _context!.Forward(reply.WithValue(ReservationEffect.Of(reply.Value)));

    private void Emit(StockLine line, long timestamp) =>
        _context!.Forward(new Record<string, ReservationEffect>(line.ProductId, ReservationEffect.Of(line), timestamp));
}
