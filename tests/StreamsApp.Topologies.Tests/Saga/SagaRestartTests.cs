using StreamsApp.Contracts.Payments;
using StreamsApp.Contracts.Saga;
using StreamsApp.Contracts.Shipping;
using StreamsApp.Streams.Avro;
using static StreamsApp.Topologies.Tests.Saga.SagaReplies;

namespace StreamsApp.Topologies.Tests.Saga;

/// <summary>Saga state is in RocksDB under the state directory: a restarted orchestrator carries on where it stopped.</summary>
public sealed class SagaRestartTests : IDisposable
{
    private readonly DirectoryInfo _stateDir = Directory.CreateTempSubdirectory("saga-restart-");
    private readonly InMemorySchemaRegistry _registry = new();

    public void Dispose() => _stateDir.Delete(recursive: true);

    [Fact]
    public void A_restarted_orchestrator_continues_a_saga_and_still_times_out_the_others()
    {
        Sent<IPaymentCommand> charge;
        using (var before = new SagaHarness(_registry, _stateDir.FullName))
        {
            before.PlaceOrder("o-1");
            before.Reply(before.ReadInventoryCommand(), StockReserved("o-1"));
            charge = before.ReadPaymentCommand();
            before.PlaceOrder("o-2");
        }

        using var after = new SagaHarness(_registry, _stateDir.FullName);
        after.Reply(charge, PaymentCaptured("o-1"));
        Assert.IsType<ScheduleShipment>(after.ReadShippingCommand().Message);

        after.AdvanceWallClockTime(SagaHarness.Timeout);
        var timedOut = after.Events.ReadRecordsToList().Where(record => record.Value.Message is SagaTimedOut).Select(record => record.Key);
        Assert.Equal(["o-1", "o-2"], timedOut);
    }
}
