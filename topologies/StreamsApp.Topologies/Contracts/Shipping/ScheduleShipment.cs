using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Orders;

namespace StreamsApp.Contracts.Shipping;

/// <summary>Command: schedule delivery of the order.</summary>
public sealed class ScheduleShipment : SagaMessage<ScheduleShipment>, IShippingCommand
{
    private static readonly ContractFields<ScheduleShipment> FieldBindings = SagaMessageFields()
        .Field("customerId", scheduleShipment => scheduleShipment.CustomerId, (scheduleShipment, value) => scheduleShipment.CustomerId = value)
        .Field("address", scheduleShipment => scheduleShipment.Address, (scheduleShipment, value) => scheduleShipment.Address = value)
        .Field("items", scheduleShipment => scheduleShipment.Items, (scheduleShipment, value) => scheduleShipment.Items = value)
        .Complete();

    /// <summary>Customer receiving the order.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>Delivery address.</summary>
    public Address Address { get; set; } = new();

    /// <summary>Lines to ship.</summary>
    public IReadOnlyList<OrderItem> Items { get; set; } = [];

    /// <inheritdoc/>
    protected override ContractFields<ScheduleShipment> Fields => FieldBindings;
}
