using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;
using static StreamsApp.Streams.Tests.Dsl.Joins.StreamStreamJoinSupport;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// A left or outer join closes waiting records by its own stream time, as Kafka Streams' shared time tracker: the
/// largest timestamp either side saw, skipped records included, and only a record at that time closes them. Records
/// that never reach the join close nothing. Expected outputs are those of Kafka Streams 4.1's TopologyTestDriver.
/// </summary>
public class StreamStreamJoinStreamTimeTests
{
    private static readonly JoinWindows FiveMs = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(5));

    [Fact]
    public void A_record_filtered_out_before_the_join_closes_no_waiting_record()
    {
        using var driver = new TopologyTestDriver(Build(Kind.Left, FiveMs, shapeLeft: left => left.Filter((_, v) => v != "drop")));
        var left = driver.CreateInputTopic("left", Serdes.String(), Serdes.String());
        var right = driver.CreateInputTopic("right", Serdes.String(), Serdes.String());

        left.PipeInput("a", "1", 0);
        left.PipeInput("b", "drop", 100);
        right.PipeInput("z", "y", 3);
        right.PipeInput("a", "x", 4);

        Assert.Equal([("a", "1+x", 4L)], Output(driver).ReadAll());
    }

    [Fact]
    public void A_skipped_record_moves_stream_time_and_the_next_record_at_that_time_closes_what_waits()
    {
        using var driver = new TopologyTestDriver(Build(Kind.Left, FiveMs));
        var left = driver.CreateInputTopic("left", Serdes.String(), Serdes.String());
        var right = driver.CreateInputTopic("right", Serdes.String(), Serdes.String());
        var output = Output(driver);

        left.PipeInput("a", "1", 0);
        right.PipeInput("b", null!, 100);
        right.PipeInput("z", "y", 3);
        Assert.Empty(output.ReadAll());

        left.PipeInput("c", "2", 101);
        Assert.Equal([("a", "1+null", 0L)], output.ReadAll());
    }

    private static TestOutputTopic<string, string> Output(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());
}
