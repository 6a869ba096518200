using StreamsApp.Streams.Dsl;
using static StreamsApp.Streams.Tests.Dsl.Joins.StreamStreamJoinSupport;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// Late stream-stream join records, as in Kafka Streams: none is dropped for being late. A record meets only the other
/// side's records still in that side's store, which keeps window size + grace behind that side's latest record, and
/// a late unmatched record of an outer side is emitted with null at once.
/// </summary>
public class StreamStreamLateRecordTests
{
    private static readonly JoinWindows TenMs = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10));

    private static readonly JoinWindows FiveMsGraceFive =
        JoinWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5));

    [Fact]
    public void A_record_older_than_window_and_grace_still_joins_what_the_other_store_retains()
    {
        var windows = JoinWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5));
        using var join = new StreamStreamJoinSupport(Kind.Inner, windows);

        join.Right.PipeInput("a", "R", 60);
        join.Left.PipeInput("x", "advance", 85);
        // 59 + window 20 + grace 5 < stream time 85; the right store, whose latest record is R, still keeps R.
        join.Left.PipeInput("a", "L59", 59);

        Assert.Equal([("a", "L59+R", 60L)], join.ReadAll());
        Assert.Equal(0, join.Driver.DroppedRecords());
    }

    [Fact]
    public void The_other_side_s_records_expire_by_that_side_s_latest_record()
    {
        using var join = new StreamStreamJoinSupport(Kind.Inner, TenMs);

        join.Right.PipeInput("a", "R50", 50);
        join.Right.PipeInput("x", "advance", 80);
        // R50 is within L60's window, but the right store keeps 20 ms behind its latest record (80): R50 is gone.
        join.Left.PipeInput("a", "L60", 60);
        // The left store's latest record is L60 itself, so R65 still finds it.
        join.Right.PipeInput("a", "R65", 65);

        Assert.Equal([("a", "L60+R65", 65L)], join.ReadAll());
    }

    [Theory]
    [InlineData(Kind.Left)]
    [InlineData(Kind.Outer)]
    public void A_late_unmatched_record_of_an_outer_side_is_emitted_with_null_at_once(Kind kind)
    {
        using var join = new StreamStreamJoinSupport(kind, FiveMsGraceFive);

        join.Right.PipeInput("x", "advance", 30);
        // 0 + window 10 + grace 5 < stream time 30.
        join.Left.PipeInput("a", "L", 0);
        join.Right.PipeInput("b", "R", 0);

        (string, string, long?)[] expected = kind == Kind.Outer ? [("a", "L+null", 0L), ("b", "null+R", 0L)] : [("a", "L+null", 0L)];
        Assert.Equal(expected, join.ReadAll());
        Assert.Equal(0, join.Driver.DroppedRecords());
    }
}
