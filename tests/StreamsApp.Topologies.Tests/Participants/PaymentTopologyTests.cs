using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Payments;
using StreamsApp.Streams.Avro;
using StreamsApp.Streams.Testing;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Participants.Payments;
using static StreamsApp.Topologies.Tests.Participants.ParticipantHarness;

namespace StreamsApp.Topologies.Tests.Participants;

public sealed class PaymentTopologyTests : IDisposable
{
    private readonly InMemorySchemaRegistry _registry = new();
    private readonly DirectoryInfo _stateDir = Directory.CreateTempSubdirectory("payments-");
    private ParticipantHarness _harness;
    private TestInputTopic<string, PaymentCommand> _commands;
    private TestOutputTopic<string, PaymentReply> _replies;

    public PaymentTopologyTests()
    {
        (_harness, _commands, _replies) = Start();
        _harness.Input<Customer>(Topics.CustomerProfiles).PipeInput(
            "c-1", new Customer { CustomerId = "c-1", Name = "Ada", Email = "ada@example.com", CreditLimit = 100m, Currency = "EUR" });
    }

    private (ParticipantHarness, TestInputTopic<string, PaymentCommand>, TestOutputTopic<string, PaymentReply>) Start()
    {
        var harness = new ParticipantHarness(
            PaymentTopology.AddTo,
            new TopologyTestDriverOptions { TopicPartitions = { [Topics.PaymentCommands] = 2, [Topics.CustomerProfiles] = 2 } },
            _stateDir.FullName,
            _registry);
        return (harness, harness.Input<PaymentCommand>(Topics.PaymentCommands), harness.Output<PaymentReply>(Topics.PaymentReplies));
    }


    [Fact]
    public void AChargeWithinTheCreditIsCapturedAndTheReplyIsAChildSpanOfTheCommand()
    {
        var trace = CommandTrace("o-1");

        Charge("o-1", "m-1", "c-1", 60m, trace);

        var reply = _replies.ReadRecord();
        Assert.Equal("o-1", reply.Key);
        var captured = Assert.IsType<PaymentCaptured>(reply.Value.Message);
        Assert.Equal(("o-1", "saga-o-1", 60m, "EUR"), (captured.OrderId, captured.SagaId, captured.Amount, captured.Currency));
        Assert.NotEmpty(captured.PaymentId);
        AssertAnswers(trace, "m-1", reply.Headers);
    }

    [Fact]
    public void AChargeBeyondTheRemainingCreditFails()
    {
        Charge("o-1", "m-1", "c-1", 60m);
        Charge("o-2", "m-2", "c-1", 50m);

        var replies = _replies.ReadKeyValuesToMap();
        Assert.IsType<PaymentCaptured>(replies["o-1"].Message);
        Assert.Equal("insufficient credit (40 available, 50 requested)", Assert.IsType<PaymentFailed>(replies["o-2"].Message).Reason);
    }

    [Fact]
    public void AnUnknownCustomerFailsWithTheTraceOfTheCommand()
    {
        var trace = CommandTrace("o-1");

        Charge("o-1", "m-1", "c-404", 1m, trace);

        var reply = _replies.ReadRecord();
        Assert.Equal("unknown customer", Assert.IsType<PaymentFailed>(reply.Value.Message).Reason);
        AssertAnswers(trace, "m-1", reply.Headers);
    }

    [Fact]
    public void AChargeInAnotherCurrencyFails()
    {
        Charge("o-1", "m-1", "c-1", 1m, currency: "USD");

        Assert.StartsWith("currency USD", Assert.IsType<PaymentFailed>(_replies.ReadValue().Message).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefundGivesTheCreditBackOnce()
    {
        Charge("o-1", "m-1", "c-1", 100m);
        var paymentId = Assert.IsType<PaymentCaptured>(_replies.ReadValue().Message).PaymentId;

        Refund("o-1", "m-r1", paymentId);
        Refund("o-1", "m-r2", paymentId);
        // Each refund is confirmed with what was given back: the capture, once.
        var confirmations = _replies.ReadValuesToList().Select(r => Assert.IsType<PaymentRefunded>(r.Message)).ToList();
        Assert.Equal([(paymentId, 100m), (paymentId, 100m)], confirmations.Select(c => (c.PaymentId, c.Amount)));
        Assert.NotEqual(confirmations[0].MessageId, confirmations[1].MessageId);

        Charge("o-2", "m-2", "c-1", 100m);
        Assert.IsType<PaymentCaptured>(_replies.ReadValue().Message);
        Charge("o-3", "m-3", "c-1", 1m);
        Assert.IsType<PaymentFailed>(_replies.ReadValue().Message);
    }

    [Fact]
    public void ARefundWithoutACaptureChangesNothing()
    {
        Charge("o-1", "m-1", "c-1", 200m);
        Assert.IsType<PaymentFailed>(_replies.ReadValue().Message);

        Refund("o-1", "m-r", "none");
        Charge("o-2", "m-2", "c-1", 100m);
        Charge("o-3", "m-3", "c-1", 1m);

        var replies = _replies.ReadKeyValuesToMap();
        var nothing = Assert.IsType<PaymentRefunded>(replies["o-1"].Message);
        Assert.Equal(("", 0m), (nothing.PaymentId, nothing.Amount));
        Assert.IsType<PaymentCaptured>(replies["o-2"].Message);
        Assert.IsType<PaymentFailed>(replies["o-3"].Message);
    }

    [Fact]
    public void ARedeliveredChargeIsAnsweredAgainWithoutChargingTwice()
    {
        Charge("o-1", "m-1", "c-1", 60m);
        Charge("o-1", "m-1", "c-1", 60m);

        var replies = _replies.ReadValuesToList().Select(r => Assert.IsType<PaymentCaptured>(r.Message)).ToList();
        Assert.Equal((replies[0].MessageId, replies[0].PaymentId), (replies[1].MessageId, replies[1].PaymentId));
        Charge("o-2", "m-2", "c-1", 40m);
        Assert.IsType<PaymentCaptured>(_replies.ReadValue().Message);
    }

    [Fact]
    public void OrdersOfOneCustomerOnDifferentPartitionsCannotOverdrawTheCredit()
    {
        var (first, second) = OrdersOnDifferentPartitions();

        Charge(first, "m-a", "c-1", 70m);
        Charge(second, "m-b", "c-1", 70m);

        var replies = _replies.ReadKeyValuesToMap();
        Assert.IsType<PaymentCaptured>(replies[first].Message);
        Assert.IsType<PaymentFailed>(replies[second].Message);
    }

    [Fact]
    public void ARestartedLedgerSumsTheCreditItsChargesHoldAndAnswersARedeliveryAsBefore()
    {
        Charge("o-1", "m-1", "c-1", 60m);
        Charge("o-2", "m-2", "c-1", 30m);
        var captured = _replies.ReadValuesToList().Select(r => Assert.IsType<PaymentCaptured>(r.Message)).ToList();
        Refund("o-2", "m-r2", captured[1].PaymentId);

        _harness.Dispose();
        (_harness, _commands, _replies) = Start();
        // The charge of o-1 comes again, as after a crash before its offset was committed.
        Charge("o-1", "m-1", "c-1", 60m);
        Charge("o-3", "m-3", "c-1", 40m);
        Charge("o-4", "m-4", "c-1", 1m);

        var replies = _replies.ReadKeyValuesToMap();
        Assert.Equal(captured[0].PaymentId, Assert.IsType<PaymentCaptured>(replies["o-1"].Message).PaymentId);
        Assert.IsType<PaymentCaptured>(replies["o-3"].Message);
        Assert.Equal("insufficient credit (0 available, 1 requested)", Assert.IsType<PaymentFailed>(replies["o-4"].Message).Reason);
        Assert.Equal(100m, _harness.Driver.GetKeyValueStore<string, decimal>(PaymentTopology.SpentStore).Get("c-1"));
    }

    public void Dispose()
    {
        _harness.Dispose();
        _stateDir.Delete(recursive: true);
    }

    private void Charge(string orderId, string messageId, string customerId, decimal amount, TraceHeaders? trace = null, string currency = "EUR") =>
        Send(_commands, orderId, new PaymentCommand { Message = Command(new ChargePayment { CustomerId = customerId, Amount = amount, Currency = currency }, orderId, messageId) }, trace);

    private void Refund(string orderId, string messageId, string paymentId) =>
        Send(_commands, orderId, new PaymentCommand
        {
            Message = Command(new RefundPayment { CustomerId = "c-1", PaymentId = paymentId, Amount = 100m, Currency = "EUR", Reason = "shipment failed" }, orderId, messageId),
        });
}
