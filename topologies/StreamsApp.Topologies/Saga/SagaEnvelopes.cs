using Avro.Specific;
using StreamsApp.Contracts;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Shipping;

namespace StreamsApp.Topologies.Saga;

/// <summary>Puts a saga message in the envelope of the topic that carries it (schemas/README.md, Conventions).</summary>
internal static class SagaEnvelopes
{
    public static ISpecificRecord Wrap(ISagaMessage message) => message switch
    {
        IInventoryCommand command => new InventoryCommand { Message = command },
        IPaymentCommand command => new PaymentCommand { Message = command },
        IShippingCommand command => new ShippingCommand { Message = command },
        ISagaEvent sagaEvent => new SagaEvent { Message = sagaEvent },
        _ => throw new ArgumentException($"The orchestrator does not send {message.GetType().Name}", nameof(message)),
    };
}
