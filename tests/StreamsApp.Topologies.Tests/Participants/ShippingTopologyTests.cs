using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Shipping;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Participants.Shipping;
using static StreamsApp.Topologies.Tests.Participants.ParticipantHarness;

namespace StreamsApp.Topologies.Tests.Participants;

public sealed class ShippingTopologyTests : IDisposable
{
    private readonly ParticipantHarness _harness = new(ShippingTopology.AddTo);
    private readonly TestInputTopic<string, ShippingCommand> _commands;
    private readonly TestOutputTopic<string, ShippingReply> _replies;

    public ShippingTopologyTests()
    {
        _commands = _harness.Input<ShippingCommand>(Topics.ShippingCommands);
        _replies = _harness.Output<ShippingReply>(Topics.ShippingReplies);
    }

    [Fact]
    public void AServedAddressIsScheduledWithTheTraceOfTheCommand()
    {
        var trace = CommandTrace("o-1");

        Schedule("o-1", "m-1", Address("DE"), trace);

        var reply = _replies.ReadRecord();
        Assert.Equal("o-1", reply.Key);
        var scheduled = Assert.IsType<ShipmentScheduled>(reply.Value.Message);
        Assert.Equal(("o-1", "saga-o-1", ShippingRules.Carrier), (scheduled.OrderId, scheduled.SagaId, scheduled.Carrier));
        Assert.NotEmpty(scheduled.ShipmentId);
        AssertAnswers(trace, "m-1", reply.Headers);
    }

    [Theory]
    [InlineData("KP", "country KP is not served")]
    [InlineData("AQ", "country AQ is not served")]
    [InlineData("Germany", "invalid country code 'Germany'")]
    public void AnUnservedCountryFails(string country, string reason)
    {
        var trace = CommandTrace("o-2");

        Schedule("o-2", "m-2", Address(country), trace);

        var reply = _replies.ReadRecord();
        Assert.Equal(reason, Assert.IsType<ShipmentFailed>(reply.Value.Message).Reason);
        AssertAnswers(trace, "m-2", reply.Headers);
    }

    [Fact]
    public void AnIncompleteAddressFails()
    {
        var address = Address("DE");
        address.PostalCode = "";

        Schedule("o-3", "m-3", address, CommandTrace("o-3"));

        Assert.Equal("incomplete address", Assert.IsType<ShipmentFailed>(_replies.ReadValue().Message).Reason);
    }

    [Fact]
    public void ACommandWithoutTraceHeadersGetsAReplyThatStartsATrace()
    {
        _commands.PipeInput("o-5", new ShippingCommand { Message = Command(new ScheduleShipment { CustomerId = "c-1", Address = Address("DE") }, "o-5", "m-5") });

        var trace = TraceHeaders.Read(_replies.ReadRecord().Headers);
        Assert.NotNull(trace);
        Assert.Equal(("o-5", "m-5", null), (trace.CorrelationId, trace.CausationId, trace.ParentSpanId));
    }

    [Fact]
    public void ARedeliveredCommandGetsTheSameReply()
    {
        Schedule("o-4", "m-4", Address("FR"), CommandTrace("o-4"));
        Schedule("o-4", "m-4", Address("FR"), CommandTrace("o-4"));

        var replies = _replies.ReadValuesToList().Select(r => Assert.IsType<ShipmentScheduled>(r.Message)).ToList();
        Assert.Equal(replies[0].MessageId, replies[1].MessageId);
        Assert.Equal(replies[0].ShipmentId, replies[1].ShipmentId);
    }

    public void Dispose() => _harness.Dispose();

    private static Address Address(string country) =>
        new() { Recipient = "Ada", Street = "Main St 1", City = "Town", PostalCode = "12345", Country = country };

    private void Schedule(string orderId, string messageId, Address address, TraceHeaders trace) =>
        Send(_commands, orderId, new ShippingCommand { Message = Command(new ScheduleShipment { CustomerId = "c-1", Address = address }, orderId, messageId) }, trace);
}
