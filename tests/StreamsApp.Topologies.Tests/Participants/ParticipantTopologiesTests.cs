using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Inventory;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Shipping;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Participants;
using static StreamsApp.Topologies.Tests.Participants.ParticipantHarness;

namespace StreamsApp.Topologies.Tests.Participants;

public sealed class ParticipantTopologiesTests
{
    [Fact]
    public void TheThreeParticipantsRunInOneTopologyAndAnswerTheHappyPath()
    {
        using var harness = new ParticipantHarness(ParticipantTopologies.AddTo);
        harness.Input<StockLevel>(Topics.InventoryStock).PipeInput("p-1", new StockLevel { ProductId = "p-1", Available = 1 });
        harness.Input<Customer>(Topics.CustomerProfiles).PipeInput("c-1", new Customer { CustomerId = "c-1", CreditLimit = 10m, Currency = "EUR" });
        var item = new OrderItem { ProductId = "p-1", Quantity = 1, Price = 10m };

        Send(harness.Input<InventoryCommand>(Topics.InventoryCommands), "o-1", new InventoryCommand { Message = Command(new ReserveStock { Items = [item] }, "o-1", "m-1") });
        Send(harness.Input<PaymentCommand>(Topics.PaymentCommands), "o-1", new PaymentCommand { Message = Command(new ChargePayment { CustomerId = "c-1", Amount = 10m, Currency = "EUR" }, "o-1", "m-2") });
        Send(
            harness.Input<ShippingCommand>(Topics.ShippingCommands),
            "o-1",
            new ShippingCommand
            {
                Message = Command(
                    new ScheduleShipment { CustomerId = "c-1", Items = [item], Address = new Address { Street = "Main St 1", City = "Town", PostalCode = "1", Country = "DE" } },
                    "o-1",
                    "m-3"),
            });

        Assert.IsType<StockReserved>(harness.Output<InventoryReply>(Topics.InventoryReplies).ReadValue().Message);
        Assert.IsType<PaymentCaptured>(harness.Output<PaymentReply>(Topics.PaymentReplies).ReadValue().Message);
        Assert.IsType<ShipmentScheduled>(harness.Output<ShippingReply>(Topics.ShippingReplies).ReadValue().Message);
    }

    [Fact]
    public void PaymentsJoinACustomersTableTheApplicationAlreadyReads()
    {
        using var harness = new ParticipantHarness((builder, serdes) =>
        {
            var customers = builder.Table(Topics.CustomerProfiles, Consumed.With(ContractSerdes.Key, serdes.Value<Customer>()));
            ParticipantTopologies.AddTo(builder, serdes, customers);
        });
        harness.Input<Customer>(Topics.CustomerProfiles).PipeInput("c-1", new Customer { CustomerId = "c-1", CreditLimit = 10m, Currency = "EUR" });

        Send(
            harness.Input<PaymentCommand>(Topics.PaymentCommands),
            "o-1",
            new PaymentCommand { Message = Command(new ChargePayment { CustomerId = "c-1", Amount = 10m, Currency = "EUR" }, "o-1", "m-1") });

        Assert.IsType<PaymentCaptured>(harness.Output<PaymentReply>(Topics.PaymentReplies).ReadValue().Message);
    }
}
