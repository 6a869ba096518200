using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// A join record too late for its own store's retention is not stored, and counted in <c>dropped-records-total</c>
/// as Kafka Streams' store of the same kind counts it: an in-memory store counts every such write, a RocksDB store
/// only one whose whole segment (a minute here) has expired.
/// </summary>
public class StreamStreamExpiredWriteTests
{
    // 10 ms either way: the stores keep 20 ms behind their latest record.
    private static readonly JoinWindows TenMs = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10));

    [Theory]
    [InlineData(false, 80L, 1L)]
    [InlineData(true, 80L, 0L)]
    [InlineData(true, 200_000L, 1L)]
    public void A_write_out_of_retention_is_counted_as_Kafka_s_store_of_its_kind_counts_it(bool persistent, long latest, long dropped)
    {
        IWindowBytesStoreSupplier Store(string name) => persistent
            ? Stores.PersistentWindowStore(name, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), retainDuplicates: true)
            : Stores.InMemoryWindowStore(name, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), retainDuplicates: true);
        using var driver = new TopologyTestDriver(StreamStreamJoinSupport.Build(
            StreamStreamJoinSupport.Kind.Inner, TenMs, streamJoined: StreamJoined.With<string, string, string>(Store("left-store"), Store("right-store"))));
        var right = driver.CreateInputTopic("right", Serdes.String(), Serdes.String());

        right.PipeInput("x", "latest", latest);
        right.PipeInput("a", "late", 50);

        Assert.Equal(dropped, driver.DroppedRecords());
        // Stored or not, a dropped write is not read back: a left record at 50 finds nothing.
        driver.CreateInputTopic("left", Serdes.String(), Serdes.String()).PipeInput("a", "L", 50);
        Assert.Empty(driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
    }
}
