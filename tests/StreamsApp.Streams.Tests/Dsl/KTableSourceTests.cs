using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>A table read from a topic: latest value per key in its store, updates (and deletes) downstream.</summary>
public class KTableSourceTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void Updates_replace_the_value_and_flow_downstream_with_their_timestamps()
    {
        var builder = new StreamsBuilder();
        builder.Table("input", Strings, Materialized.As<string, string>("table")).ToStream().To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 10);
        input.PipeInput("b", "2", 20);
        input.PipeInput("a", "3", 30);

        Assert.Equal([("a", "1", 10L), ("b", "2", 20L), ("a", "3", 30L)], Output(driver).ReadAll());
        var store = driver.GetTimestampedKeyValueStore<string, string>("table");
        Assert.Equal(
            [KeyValue.Pair("a", new ValueAndTimestamp<string>("3", 30)), KeyValue.Pair("b", new ValueAndTimestamp<string>("2", 20))],
            store.Contents());
    }

    [Fact]
    public void A_tombstone_deletes_the_row_and_is_forwarded_as_a_null_value()
    {
        var builder = new StreamsBuilder();
        builder.Table("input", Strings, Materialized.As<string, string>("table")).ToStream().To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 10);
        input.PipeInput("a", null!, 11);

        Assert.Equal([("a", "1", 10L), ("a", null!, 11L)], Output(driver).ReadAll());
        Assert.False(driver.GetKeyValueStore<string, string>("table").TryGet("a", out _));
    }

    [Fact]
    public void Records_with_a_null_key_are_skipped_and_counted_as_dropped()
    {
        var builder = new StreamsBuilder();
        builder.Table("input", Strings, Materialized.As<string, string>("table")).ToStream().To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput(null!, "lost", 1);
        input.PipeInput("a", "kept", 2);

        Assert.Equal([("a", "kept", 2L)], Output(driver).ReadAll());
        Assert.Equal(1, driver.DroppedRecords());
        Assert.Equal([KeyValue.Pair("a", "kept")], driver.GetKeyValueStore<string, string>("table").Contents());
    }

    [Fact]
    public void An_unnamed_table_gets_a_generated_store_that_is_not_queryable()
    {
        var builder = new StreamsBuilder();
        var table = builder.Table("input", Strings);
        using var driver = new TopologyTestDriver(builder.Build());
        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("a", "1", 5);

        Assert.Null(table.QueryableStoreName);
        Assert.Equal("1", driver.GetKeyValueStore<string, string>("input-STATE-STORE-0000000000").Get("a"));
    }

    [Fact]
    public void A_named_table_is_queryable_and_logs_to_its_changelog()
    {
        var builder = new StreamsBuilder();
        var table = builder.Table("input", Strings, Materialized.As<string, string>(Stores.InMemoryKeyValueStore("table")));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "1", 5);
        input.PipeInput("a", null!, 6);

        Assert.Equal("table", table.QueryableStoreName);
        var changelog = driver.CreateOutputTopic("test-driver-table-changelog", Serdes.String(), Serdes.String());
        Assert.Equal([("a", "1", 5L), ("a", null!, 6L)], changelog.ReadAll());
    }

    [Fact]
    public void A_table_of_nullable_values_reads_tombstones_with_a_nullable_serde()
    {
        var builder = new StreamsBuilder();
        builder.Table("input", Consumed.With(Serdes.String(), Serdes.Nullable(Serdes.Int64())), Materialized.As<string, long?>("table"))
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Nullable(Serdes.Int64())));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.Nullable(Serdes.Int64()));

        input.PipeInput("a", 7, 1);
        input.PipeInput("a", null, 2);

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Nullable(Serdes.Int64()));
        Assert.Equal([("a", (long?)7, 1L), ("a", (long?)null, 2L)], output.ReadAll());
        Assert.Empty(driver.GetKeyValueStore<string, long?>("table").Contents());
    }

    private static TestOutputTopic<string, string> Output(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());
}
