using StreamsApp.Streams.Dsl;
using static StreamsApp.Streams.Tests.Dsl.Joins.StreamStreamJoinSupport;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// Windowed inner stream-stream joins: a record meets the other side's records of its key within the window, each
/// pair once, stamped with the larger timestamp.
/// </summary>
public class StreamStreamInnerJoinTests
{
    private static readonly JoinWindows TenMs = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Records_join_whichever_side_comes_first_with_the_larger_timestamp(int partitions)
    {
        using var join = new StreamStreamJoinSupport(Kind.Inner, TenMs, partitions);

        join.Left.PipeInput("a", "L1", 100);
        join.Right.PipeInput("a", "R1", 105);
        join.Right.PipeInput("b", "R2", 106);
        join.Left.PipeInput("b", "L2", 103);
        join.Right.PipeInput("c", "R3", 107);

        Assert.Equal([("a", "L1+R1", 105L), ("b", "L2+R2", 106L)], join.ReadAll());
    }

    [Fact]
    public void Window_bounds_are_inclusive_and_records_outside_do_not_join()
    {
        using var join = new StreamStreamJoinSupport(Kind.Inner, TenMs);

        join.Left.PipeInput("a", "L", 100);
        join.Right.PipeInput("a", "R89", 89);
        join.Right.PipeInput("a", "R90", 90);
        join.Right.PipeInput("a", "R110", 110);
        join.Right.PipeInput("a", "R111", 111);

        Assert.Equal([("a", "L+R90", 100L), ("a", "L+R110", 110L)], join.ReadAll());
    }

    [Fact]
    public void Asymmetric_windows_reach_before_and_after_a_left_record_as_configured()
    {
        // A left record at t joins right records in [t - 5, t + 20]; a right record at t joins left ones in [t - 20, t + 5].
        var windows = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.FromMilliseconds(10))
            .Before(TimeSpan.FromMilliseconds(5)).After(TimeSpan.FromMilliseconds(20));
        using var join = new StreamStreamJoinSupport(Kind.Inner, windows);

        join.Left.PipeInput("a", "L", 100);
        join.Right.PipeInput("a", "R94", 94);
        join.Right.PipeInput("a", "R95", 95);
        join.Right.PipeInput("a", "R120", 120);
        join.Right.PipeInput("a", "R121", 121);
        join.Left.PipeInput("a", "L116", 116);

        Assert.Equal([("a", "L+R95", 100L), ("a", "L+R120", 120L), ("a", "L116+R120", 120L), ("a", "L116+R121", 121L)], join.ReadAll());
    }

    [Fact]
    public void Every_duplicate_on_the_other_side_produces_its_own_result()
    {
        using var join = new StreamStreamJoinSupport(Kind.Inner, TenMs);

        join.Right.PipeInput("a", "R", 100);
        join.Right.PipeInput("a", "R", 100);
        join.Right.PipeInput("a", "R'", 102);
        join.Left.PipeInput("a", "L", 101);

        Assert.Equal([("a", "L+R", 101L), ("a", "L+R", 101L), ("a", "L+R'", 102L)], join.ReadAll());
    }

    [Fact]
    public void Records_with_a_null_key_or_value_are_dropped_and_counted()
    {
        using var join = new StreamStreamJoinSupport(Kind.Inner, TenMs);

        join.Right.PipeInput("a", "R", 100);
        join.Left.PipeInput(null!, "L", 100);
        join.Left.PipeInput("a", null!, 100);
        join.Right.PipeInput(null!, "R", 100);

        Assert.Empty(join.ReadAll());
        Assert.Equal(3, join.Driver.DroppedRecords());
    }
}
