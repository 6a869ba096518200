using System.Text;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// Stores log to <c>&lt;application.id&gt;-&lt;store&gt;-changelog</c>, partition = task partition: the plain value
/// (readable with the value serde) with the stored timestamp as the record's timestamp.
/// </summary>
public class ChangelogTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void A_stream_aggregation_logs_each_update_with_the_aggregate_timestamp()
    {
        var builder = new StreamsBuilder();
        var grouped = builder.Stream("input", Strings).GroupByKey();
        grouped.Count(materialized: Materialized.As<string, long>("counts"));
        grouped.Reduce((a, v) => a + v, materialized: Materialized.As<string, string>("silent").WithLoggingDisabled());
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 10);
        input.PipeInput("a", "y", 4);
        input.PipeInput("b", "z", 6);

        var changelog = driver.CreateOutputTopic("test-driver-counts-changelog", Serdes.String(), Serdes.Int64());
        Assert.Equal([("a", 1L, 10L), ("a", 2L, 10L), ("b", 1L, 6L)], changelog.ReadAll());
        Assert.Equal(["test-driver-counts-changelog"], driver.ProducedTopicNames);
        Assert.Equal("xy", driver.GetKeyValueStore<string, string>("silent").Get("a"));
    }

    [Fact]
    public void A_table_aggregation_logs_its_rows_including_decrements()
    {
        var builder = new StreamsBuilder();
        builder.Table("users", Strings, Materialized.As<string, string>("users-store").WithLoggingDisabled())
            .GroupBy((user, region) => KeyValue.Pair(region, user))
            .Count(materialized: Materialized.As<string, long>("per-region"));
        using var driver = new TopologyTestDriver(builder.Build());
        var users = driver.CreateInputTopic("users", Serdes.String(), Serdes.String());

        users.PipeInput("alice", "A", 1);
        users.PipeInput("alice", "B", 2);

        var changelog = driver.CreateOutputTopic("test-driver-per-region-changelog", Serdes.String(), Serdes.Int64());
        Assert.Equal([("A", 1L, 1L), ("A", 0L, 2L), ("B", 1L, 2L)], changelog.ReadAll());
        Assert.DoesNotContain("test-driver-users-store-changelog", driver.ProducedTopicNames);
    }

    [Fact]
    public void Each_task_logs_to_the_changelog_partition_of_its_own_number()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .GroupBy((_, v) => v, Grouped.As<string, string>("by-word"))
            .Count(materialized: Materialized.As<string, long>("counts"));
        using var driver = DslTestSupport.Driver(builder.Build(), ("input", 3));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        string[] words = ["a", "b", "c", "d", "e", "a"];

        foreach (var word in words)
        {
            input.PipeInput(new TestRecord<string, string>("k", word, 1, Partition: 2));
        }

        var changelog = driver.CreateOutputTopic("test-driver-counts-changelog", Serdes.String(), Serdes.Int64()).ReadRecordsToList();
        Assert.Equal(words, changelog.Select(r => r.Key));
        Assert.Equal([1L, 1L, 1L, 1L, 1L, 2L], changelog.Select(r => r.Value));
        foreach (var record in changelog)
        {
            Assert.Equal(Murmur2Partitioner.Partition(Encoding.UTF8.GetBytes(record.Key), 3), record.Partition);
        }
    }

    [Fact]
    public void A_tombstone_in_a_table_is_logged_as_a_tombstone()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings).ToTable(materialized: Materialized.As<string, string>("latest"));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 3);
        input.PipeInput("a", null!, 8);

        var changelog = driver.CreateOutputTopic("test-driver-latest-changelog", Serdes.String(), Serdes.String());
        Assert.Equal([("a", "1", 3L), ("a", null!, 8L)], changelog.ReadAll());
    }
}
