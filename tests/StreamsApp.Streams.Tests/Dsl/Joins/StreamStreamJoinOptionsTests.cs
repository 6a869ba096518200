using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>Join windows, the key-aware joiner and store suppliers of stream-stream joins.</summary>
public class StreamStreamJoinOptionsTests
{
    [Fact]
    public void Join_windows_are_symmetric_until_one_side_is_changed_and_must_not_be_empty()
    {
        var windows = JoinWindows.OfTimeDifferenceAndGrace(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
        Assert.Equal((5000L, 5000L, 1000L, 10_000L), (windows.BeforeMs, windows.AfterMs, windows.GraceMs, windows.SizeMs));

        var shifted = windows.After(TimeSpan.FromSeconds(-2));
        Assert.Equal((5000L, -2000L, 3000L), (shifted.BeforeMs, shifted.AfterMs, shifted.SizeMs));

        Assert.Throws<ArgumentOutOfRangeException>(() => windows.Before(TimeSpan.FromSeconds(-6)));
        Assert.Throws<ArgumentOutOfRangeException>(() => JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => JoinWindows.OfTimeDifferenceAndGrace(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void A_key_aware_joiner_sees_the_key()
    {
        var builder = new StreamsBuilder();
        var strings = Consumed.With(Serdes.String(), Serdes.String());
        builder.Stream("left", strings)
            .Join(
                builder.Stream("right", strings),
                (string key, string left, string right) => $"{key}:{left}+{right}",
                JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10)))
            .To("out", Produced.With(Serdes.String(), Serdes.String()));
        using var driver = DslTestSupport.Driver(builder.Build());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        driver.CreateInputTopic("left", Serdes.String(), Serdes.String()).PipeInput("k", "L", 1);
        driver.CreateInputTopic("right", Serdes.String(), Serdes.String()).PipeInput("k", "R", 2);

        Assert.Equal([("k", "k:L+R", 2L)], output.ReadAll());
    }

    [Fact]
    public void A_rekeyed_stream_joins_itself_through_one_repartition_topic()
    {
        var builder = new StreamsBuilder();
        var rekeyed = builder.Stream("in", Consumed.With(Serdes.String(), Serdes.String())).SelectKey((_, value) => value[..1]);
        rekeyed.Join(rekeyed, (a, b) => a + "+" + b, JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10)))
            .To("out", Produced.With(Serdes.String(), Serdes.String()));
        using var driver = DslTestSupport.Driver(builder.Build());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        driver.CreateInputTopic("in", Serdes.String(), Serdes.String()).PipeInput("x", "a1", 1);

        // The other side sees the record after it was stored on this side, so a record meets itself once.
        Assert.Equal([("a", "a1+a1", 1L)], output.ReadAll());
    }

    [Fact]
    public void Given_in_memory_store_suppliers_are_used_and_must_retain_duplicates()
    {
        var windows = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10));
        IWindowBytesStoreSupplier Supplier(string name, bool duplicates) =>
            Stores.InMemoryWindowStore(name, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), duplicates);

        var topology = StreamStreamJoinSupport.Build(
            StreamStreamJoinSupport.Kind.Inner, windows,
            streamJoined: StreamJoined.With<string, string, string>(Supplier("mine", true), Supplier("theirs", true)));
        Assert.Contains("Processor: KSTREAM-JOINTHIS-0000000004 (stores: [theirs])", topology.Describe().ToString());
        using (var driver = DslTestSupport.Driver(topology))
        {
            driver.CreateInputTopic("left", Serdes.String(), Serdes.String()).PipeInput("k", "L", 1);
            driver.CreateInputTopic("right", Serdes.String(), Serdes.String()).PipeInput("k", "R", 2);
            Assert.Equal([("k", "L+R", 2L)], driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
        }


        var error = Assert.Throws<TopologyException>(() => StreamStreamJoinSupport.Build(
            StreamStreamJoinSupport.Kind.Inner, windows,
            streamJoined: StreamJoined.With<string, string, string>(Supplier("mine", false), Supplier("theirs", true))));
        Assert.Contains("retain duplicates", error.Message);
    }

    [Theory]
    [InlineData(100, 40)]
    [InlineData(45, 20)]
    public void A_store_supplier_that_does_not_match_the_join_windows_is_refused(int retentionMs, int windowSizeMs)
    {
        // 20 ms either way and 5 ms of grace: window size 40 ms, retention 45 ms.
        var windows = JoinWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(5));
        var matching = Stores.InMemoryWindowStore("theirs", TimeSpan.FromMilliseconds(45), TimeSpan.FromMilliseconds(40), true);
        var given = Stores.InMemoryWindowStore("mine", TimeSpan.FromMilliseconds(retentionMs), TimeSpan.FromMilliseconds(windowSizeMs), true);

        var error = Assert.Throws<TopologyException>(() => StreamStreamJoinSupport.Build(
            StreamStreamJoinSupport.Kind.Left, windows, streamJoined: StreamJoined.With<string, string, string>(given, matching)));

        Assert.Contains("'mine'", error.Message);
        Assert.Contains("retention 45 ms (window size + grace) and window size 40 ms", error.Message);
    }
}
