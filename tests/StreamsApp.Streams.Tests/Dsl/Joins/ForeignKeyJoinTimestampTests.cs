namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// A foreign-key join's result timestamps, as in Kafka Streams: a left update's result carries the later of the two
/// rows' timestamps (as table-table joins' do), a right update's results the right update's own timestamp, even when
/// the left row is later.
/// </summary>
public class ForeignKeyJoinTimestampTests
{
    [Theory]
    [InlineData(false, 10, 20)]
    [InlineData(false, 20, 10)]
    [InlineData(true, 10, 20)]
    [InlineData(true, 20, 10)]
    public void Left_update_result_has_the_later_timestamp(bool leftJoin, long productTime, long orderTime)
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin);
        f.Products.PipeInput("p1", "apple", productTime);

        f.Orders.PipeInput("o1", "p1:1", orderTime);

        Assert.Equal([("o1", "p1:1+apple", Math.Max(productTime, orderTime))], f.Output.ReadAll());
    }

    [Theory]
    [InlineData(false, 10, 20)]
    [InlineData(false, 20, 10)]
    [InlineData(true, 10, 20)]
    [InlineData(true, 20, 10)]
    public void Right_update_result_has_the_right_update_s_timestamp(bool leftJoin, long orderTime, long productTime)
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin);
        f.Orders.PipeInput("o1", "p1:1", orderTime);
        f.Output.ReadAll();

        f.Products.PipeInput("p1", "apple", productTime);

        Assert.Equal([("o1", "p1:1+apple", productTime)], f.Output.ReadAll());
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "p1:1+null")]
    public void Right_delete_result_has_the_right_delete_s_timestamp(bool leftJoin, string? expected)
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin);
        f.Products.PipeInput("p1", "apple", 10);
        f.Orders.PipeInput("o1", "p1:1", 30);
        f.Output.ReadAll();

        f.Products.PipeInput("p1", null!, 20);

        Assert.Equal([("o1", expected!, 20L)], f.Output.ReadAll());
    }

    [Fact]
    public void Left_delete_tombstone_has_the_later_timestamp()
    {
        using var f = new ForeignKeyJoinTests.Fixture(leftJoin: false);
        f.Orders.PipeInput("o1", "p1:1", 10);
        f.Products.PipeInput("p1", "apple", 30);
        f.Output.ReadAll();

        f.Orders.PipeInput("o1", null!, 20);

        Assert.Equal([("o1", (string)null!, 30L)], f.Output.ReadAll());
    }
}
