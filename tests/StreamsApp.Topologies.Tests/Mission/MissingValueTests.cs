using StreamsApp.Contracts.Saga;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Tests.Support;
using static StreamsApp.Topologies.Tests.Support.SampleOrders;

namespace StreamsApp.Topologies.Tests.Mission;

/// <summary>
/// A record without a value on a topic whose every record must carry one (events, commands and the repartition
/// topics between the mission's processors) goes to that topic's DLT, and orders placed after it still complete.
/// </summary>
public sealed class MissingValueTests
{
    [Theory]
    [InlineData(Topics.OrdersAccepted)]
    [InlineData(Topics.OrdersEnriched)]
    [InlineData(Topics.PaymentCommands)]
    [InlineData(Topics.ShippingCommands)]
    [InlineData(Topics.InventoryCommands)]
    [InlineData("mission-tests-payments-by-customer-repartition")]
    [InlineData("mission-tests-inventory-line-outcomes-repartition")]
    public void ARecordWithoutValueIsDeadLetteredAndTheNextOrderCompletes(string topic)
    {
        using var mission = new MissionHarness().WithReferenceData();

        mission.RawInput(topic).PipeInput("o-nothing", null!, PlacedAt.ToUnixTimeMilliseconds());
        mission.Place(Valid("o-1", "e-1", "c-1"));

        var dead = Assert.Single(mission.RawOutput(Topics.DeadLetter(topic)).ReadKeyValuesToList());
        Assert.Equal("o-nothing", dead.Key);
        Assert.IsType<SagaCompleted>(mission.ReadOutcomes()["o-1"]);
    }
}
