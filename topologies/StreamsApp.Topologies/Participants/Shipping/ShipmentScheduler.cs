using StreamsApp.Contracts.Shipping;
using StreamsApp.Streams.Processing;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Participants.Shipping;

/// <summary>Answers each <see cref="ScheduleShipment"/> by <see cref="ShippingRules"/>; stateless, so redeliveries get the same answer.</summary>
internal sealed class ShipmentScheduler : IFixedKeyProcessor<string, ShippingCommand, ShippingReply>
{
    private IFixedKeyProcessorContext<string, ShippingReply>? _context;

    public void Init(IFixedKeyProcessorContext<string, ShippingReply> context) => _context = context;

    public void Process(FixedKeyRecord<string, ShippingCommand> record)
    {
        var command = record.Value.Message as ScheduleShipment
            ?? throw new InvalidOperationException($"shipping.commands carries no {record.Value.Message?.GetType().Name}");
        IShippingReply reply = ShippingRules.RefusalReason(command.Address) is { } reason
            ? new ShipmentFailed { Reason = reason }.Answering(command, record.Timestamp)
            : new ShipmentScheduled { ShipmentId = MessageIds.Derived(command.MessageId, "shipment"), Carrier = ShippingRules.Carrier }
                .Answering(command, record.Timestamp);
        var headers = CommandReply.HeadersFor(TraceHeaders.Read(record.Headers), command);
        _context!.Forward(record.WithValue(new ShippingReply { Message = reply }).WithHeaders(headers));
    }
}
