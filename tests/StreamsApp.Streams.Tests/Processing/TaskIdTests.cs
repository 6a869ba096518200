using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Tests.Processing;

public sealed class TaskIdTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 11)]
    [InlineData(12, 2047)]
    public void A_task_id_reads_back_from_its_text(int subtopology, int partition)
    {
        var id = new TaskId(subtopology, partition);

        Assert.True(TaskId.TryParse(id.ToString(), out var read));
        Assert.Equal(id, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("3_")]
    [InlineData("_3")]
    [InlineData("1_2_3")]
    [InlineData("-1_2")]
    [InlineData("1_+2")]
    [InlineData(" 1_2")]
    [InlineData("a_2")]
    [InlineData("1_99999999999")]
    public void Text_that_is_not_two_unsigned_numbers_joined_by_an_underscore_is_not_a_task_id(string text)
    {
        Assert.False(TaskId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }
}
