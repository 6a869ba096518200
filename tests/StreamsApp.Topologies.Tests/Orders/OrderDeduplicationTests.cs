using StreamsApp.Contracts.Orders;
using StreamsApp.Topologies.Tests.Support;

namespace StreamsApp.Topologies.Tests.Orders;

public sealed class OrderDeduplicationTests : IDisposable
{
    private static readonly TimeSpan Ttl = OrderIntakeDriver.Ttl;
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);
    private readonly OrderIntakeDriver _intake = new();

    [Fact]
    public void ARedeliveredEventIsAcceptedOnce()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt + TimeSpan.FromMinutes(10));
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt + Ttl - Millisecond);

        Assert.Equal("e-1", Assert.Single(_intake.Accepted.ReadValuesToList()).EventId);
    }

    [Fact]
    public void AnEventSeenAgainOneTtlLaterIsAcceptedAgain()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt + Ttl);
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt + Ttl + TimeSpan.FromMinutes(1));

        var accepted = _intake.Accepted.ReadRecordsToList();
        Assert.Equal([SampleOrders.PlacedAt + Ttl], accepted.Skip(1).Select(record => DateTimeOffset.FromUnixTimeMilliseconds(record.Timestamp!.Value)));
        Assert.Equal(2, accepted.Count);
    }

    [Fact]
    public void ARedeliveryWithAnEarlierTimestampIsStillADuplicate()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"));
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt - TimeSpan.FromMinutes(5));

        Assert.Single(_intake.Accepted.ReadValuesToList());
    }

    [Fact]
    public void AnEventOlderThanOneTtlBeforeTheNewestIsAlwaysAcceptedBecauseItCannotBeRemembered()
    {
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt + Ttl + Ttl);
        _intake.Pipe(SampleOrders.Valid("o-2", "e-2"));
        _intake.Pipe(SampleOrders.Valid("o-2", "e-2"));

        Assert.Equal(["e-1", "e-2", "e-2"], _intake.Accepted.ReadValuesToList().Select(order => order.EventId));
    }

    [Fact]
    public void ARejectedEventIsNotRememberedSoItsCorrectedReplayIsAccepted()
    {
        var invalid = SampleOrders.Valid("o-1", "e-1");
        invalid.Currency = "XYZ";

        _intake.Pipe(invalid);
        _intake.Pipe(SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt + TimeSpan.FromMinutes(1));

        Assert.Single(_intake.DeadLetters.ReadRecordsToList());
        Assert.Equal("EUR", Assert.Single(_intake.Accepted.ReadValuesToList()).Currency);
    }

    [Fact]
    public void ARestartedApplicationStillKnowsTheEventIdsItAccepted()
    {
        // The restarted driver's topic starts again at offset 0, where a real topic goes on: the resent event comes
        // second, at an offset of its own, as it would on a real topic (at the same offset it would be the accepted
        // record itself, redelivered, which is forwarded again).
        var accepted = AfterRestart(after =>
        {
            after.Pipe(SampleOrders.Valid("o-2", "e-2"), SampleOrders.PlacedAt + TimeSpan.FromMinutes(1));
            after.Pipe(SampleOrders.Valid("o-1", "e-1"), SampleOrders.PlacedAt + TimeSpan.FromMinutes(1));
        });

        Assert.Equal("e-2", Assert.Single(accepted).EventId);
    }

    [Fact]
    public void TheAcceptedRecordRedeliveredAfterACrashIsForwardedAgainAndALaterResendIsNot()
    {
        // The restarted driver reads its topic from offset 0 again with the marks kept: what at-least-once replays
        // after a crash that kept the marks and may have lost the accepted order.
        var accepted = AfterRestart(after =>
        {
            after.Pipe(SampleOrders.Valid("o-1", "e-1"));
            after.Pipe(SampleOrders.Valid("o-1", "e-1"));
        });

        Assert.Equal("e-1", Assert.Single(accepted).EventId);
    }

    /// <summary>
    /// Accepts order o-1 (event e-1) in one driver, then runs <paramref name="restarted"/> in a second one on the same
    /// state directory, and returns what the second accepted.
    /// </summary>
    private static IReadOnlyList<OrderCreated> AfterRestart(Action<OrderIntakeDriver> restarted)
    {
        var stateDir = Directory.CreateTempSubdirectory("order-intake-").FullName;
        try
        {
            using (var before = new OrderIntakeDriver(stateDir))
            {
                before.Pipe(SampleOrders.Valid("o-1", "e-1"));
                Assert.Single(before.Accepted.ReadValuesToList());
            }

            using var after = new OrderIntakeDriver(stateDir);
            restarted(after);
            return after.Accepted.ReadValuesToList();
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    public void Dispose() => _intake.Dispose();
}
