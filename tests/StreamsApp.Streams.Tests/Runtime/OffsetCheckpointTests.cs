using Confluent.Kafka;
using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Tests.Runtime;

public sealed class OffsetCheckpointTests : IDisposable
{
    private readonly TempStateRoot _root = new();

    private string FilePath => Path.Combine(_root.Path, ".checkpoint");

    [Fact]
    public void Writes_kafka_streams_format_and_reads_it_back()
    {
        var checkpoint = new OffsetCheckpoint(FilePath);
        var offsets = new Dictionary<TopicPartition, long>
        {
            [new TopicPartition("app-a-changelog", 0)] = 41,
            [new TopicPartition("app-b-changelog", 3)] = 0,
        };

        checkpoint.Write(offsets);

        var lines = File.ReadAllLines(FilePath);
        Assert.Equal(["0", "2"], lines[..2]);
        Assert.Equal(["app-a-changelog 0 41", "app-b-changelog 3 0"], lines[2..].Order());
        Assert.Equal(offsets, checkpoint.Read());
        Assert.False(File.Exists(FilePath + ".tmp"));
    }

    [Fact]
    public void Reads_a_file_written_by_kafka_streams()
    {
        File.WriteAllText(FilePath, "0\n1\nmy-app-store-changelog 2 1234\n");

        var offsets = new OffsetCheckpoint(FilePath).Read();

        Assert.Equal(1234, Assert.Single(offsets, e => e.Key == new TopicPartition("my-app-store-changelog", 2)).Value);
    }

    [Fact]
    public void A_new_write_replaces_the_old_offsets_and_an_empty_one_deletes_the_file()
    {
        var checkpoint = new OffsetCheckpoint(FilePath);
        checkpoint.Write(new Dictionary<TopicPartition, long> { [new TopicPartition("a", 0)] = 1, [new TopicPartition("b", 0)] = 2 });

        checkpoint.Write(new Dictionary<TopicPartition, long> { [new TopicPartition("a", 0)] = 7 });
        Assert.Equal(new Dictionary<TopicPartition, long> { [new TopicPartition("a", 0)] = 7 }, checkpoint.Read());

        checkpoint.Write(new Dictionary<TopicPartition, long>());
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void A_missing_file_or_directory_reads_as_no_offsets()
    {
        Assert.Empty(new OffsetCheckpoint(FilePath).Read());
        Assert.Empty(new OffsetCheckpoint(Path.Combine(_root.Path, "no-such-task", ".checkpoint")).Read());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1\n0\n")]
    [InlineData("0\n")]
    [InlineData("0\n2\na 0 1\n")]
    [InlineData("0\n1\na 0 1\nb 0 2\n")]
    [InlineData("0\n1\na 0\n")]
    [InlineData("0\n1\na x 1\n")]
    [InlineData("0\n1\na 0 -1\n")]
    [InlineData("0\n2\na 0 1\na 0 2\n")]
    [InlineData("zero\n1\na 0 1\n")]
    public void A_corrupt_file_fails_naming_the_file(string content)
    {
        File.WriteAllText(FilePath, content);

        var error = Assert.Throws<InvalidDataException>(() => new OffsetCheckpoint(FilePath).Read());

        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_offsets_are_not_written()
    {
        var checkpoint = new OffsetCheckpoint(FilePath);

        Assert.Throws<ArgumentOutOfRangeException>(
            () => checkpoint.Write(new Dictionary<TopicPartition, long> { [new TopicPartition("a", 0)] = -1 }));
        Assert.False(File.Exists(FilePath));
    }

    public void Dispose() => _root.Dispose();
}
