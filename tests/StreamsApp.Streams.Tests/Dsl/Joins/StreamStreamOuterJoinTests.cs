using StreamsApp.Streams.Dsl;
using static StreamsApp.Streams.Tests.Dsl.Joins.StreamStreamJoinSupport;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// Left and outer stream-stream joins (Kafka Streams 3.1+): an unmatched record waits until its window and grace
/// have closed by stream time and only then is emitted with null for the other side; a match arriving in time
/// replaces it, so no spurious null results appear. As there, a record whose window has already ended when it
/// arrives, and a record without a key, are emitted with null at once.
/// </summary>
public class StreamStreamOuterJoinTests
{
    private static readonly JoinWindows TenMsGraceFive =
        JoinWindows.OfTimeDifferenceAndGrace(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Left_join_emits_an_unmatched_left_record_only_after_its_window_and_grace_close(int partitions)
    {
        using var join = new StreamStreamJoinSupport(Kind.Left, TenMsGraceFive, partitions);

        join.Left.PipeInput("a", "L", 100);
        join.Right.PipeInput("b", "other key", 115);
        Assert.Empty(join.ReadAll());

        // The window reaches 110 and grace 5 more: stream time 116 closes it.
        join.Right.PipeInput("b", "other key", 116);
        Assert.Equal([("a", "L+null", 100L)], join.ReadAll());
    }

    [Fact]
    public void Left_join_never_emits_a_null_result_for_a_record_matched_in_time()
    {
        using var join = new StreamStreamJoinSupport(Kind.Left, TenMsGraceFive);

        join.Left.PipeInput("a", "L", 100);
        join.Right.PipeInput("a", "R", 108);
        join.Right.PipeInput("b", "advance", 500);

        Assert.Equal([("a", "L+R", 108L)], join.ReadAll());
    }

    [Fact]
    public void Left_join_never_emits_unmatched_right_records()
    {
        using var join = new StreamStreamJoinSupport(Kind.Left, TenMsGraceFive);

        join.Right.PipeInput("a", "R", 100);
        join.Right.PipeInput("b", "R", 500);

        Assert.Empty(join.ReadAll());
    }

    [Fact]
    public void Outer_join_emits_unmatched_records_of_both_sides_in_time_order_once_closed()
    {
        using var join = new StreamStreamJoinSupport(Kind.Outer, TenMsGraceFive);

        join.Right.PipeInput("r", "R", 100);
        join.Left.PipeInput("l", "L", 101);
        join.Left.PipeInput("m", "M", 102);
        join.Right.PipeInput("m", "M'", 103);
        Assert.Equal([("m", "M+M'", 103L)], join.ReadAll());

        join.Left.PipeInput("x", "advance", 116);
        Assert.Equal([("r", "null+R", 100L)], join.ReadAll());

        join.Left.PipeInput("x", "advance", 117);
        Assert.Equal([("l", "L+null", 101L)], join.ReadAll());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Outer_join_drops_a_waiting_right_record_once_a_left_record_matches_it(int partitions)
    {
        using var join = new StreamStreamJoinSupport(Kind.Outer, TenMsGraceFive, partitions);

        join.Right.PipeInput("a", "R", 100);
        join.Left.PipeInput("a", "L", 95);
        join.Left.PipeInput("x", "advance", 200);
        join.Right.PipeInput("x", "advance", 200);

        Assert.Equal([("a", "L+R", 100L), ("x", "advance+advance", 200L)], join.ReadAll());
    }

    [Fact]
    public void An_unmatched_out_of_order_record_whose_window_already_closed_is_emitted_at_once()
    {
        using var join = new StreamStreamJoinSupport(Kind.Left, TenMsGraceFive);

        join.Right.PipeInput("x", "advance", 120);
        // 104 + 10 < 120: its window has ended.
        join.Left.PipeInput("a", "L", 104);

        Assert.Equal([("a", "L+null", 104L)], join.ReadAll());
        Assert.Equal(0, join.Driver.DroppedRecords());
    }

    [Fact]
    public void A_record_arriving_after_its_window_ended_is_emitted_at_once_and_still_joins_a_match_within_grace()
    {
        using var join = new StreamStreamJoinSupport(Kind.Left, TenMsGraceFive);

        join.Right.PipeInput("x", "advance", 110);
        join.Left.PipeInput("b", "B", 100);
        Assert.Empty(join.ReadAll()); // its window ends at 110, which stream time has reached but not passed

        join.Right.PipeInput("x", "advance", 112);
        join.Left.PipeInput("a", "A", 101);
        Assert.Equal([("a", "A+null", 101L)], join.ReadAll()); // 111 < 112, although grace runs to 116

        join.Right.PipeInput("a", "R", 105);
        Assert.Equal([("a", "A+R", 105L)], join.ReadAll());

        join.Right.PipeInput("x", "advance", 116);
        Assert.Equal([("b", "B+null", 100L)], join.ReadAll());
    }

    [Theory]
    [InlineData(Kind.Left)]
    [InlineData(Kind.Outer)]
    public void A_record_without_a_key_is_emitted_at_once_by_a_side_that_keeps_unmatched_records(Kind kind)
    {
        using var join = new StreamStreamJoinSupport(kind, TenMsGraceFive);

        join.Left.PipeInput(null!, "L", 100);
        join.Right.PipeInput(null!, "R", 101);
        join.Left.PipeInput("a", null!, 102);

        Assert.Equal(kind == Kind.Outer ? [(null!, "L+null", 100L), (null!, "null+R", 101L)] : [(null!, "L+null", 100L)], join.ReadAll());
        Assert.Equal(kind == Kind.Outer ? 1 : 2, join.Driver.DroppedRecords());
    }

    [Fact]
    public void Asymmetric_windows_close_each_side_by_its_own_reach()
    {
        // Left records reach 20 ms ahead, right records (seen from the left: before) 5 ms ahead.
        var windows = JoinWindows.OfTimeDifferenceWithNoGrace(TimeSpan.Zero)
            .After(TimeSpan.FromMilliseconds(20)).Before(TimeSpan.FromMilliseconds(5));
        using var join = new StreamStreamJoinSupport(Kind.Outer, windows);

        join.Left.PipeInput("l", "L", 100);
        join.Right.PipeInput("r", "R", 100);
        join.Left.PipeInput("x", "advance", 106);
        Assert.Equal([("r", "null+R", 100L)], join.ReadAll());

        join.Left.PipeInput("x", "advance", 121);
        Assert.Equal([("l", "L+null", 100L)], join.ReadAll());
    }
}
