using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// When a source table (Table, ToTable) is cached. Kafka Streams materializes one only when the user names it or
/// something needs it (a join reading it, a re-grouping, a suppression); an unmaterialized one has no store, so no
/// cache, and forwards every update at once. Ours always has a store, cached only from that point on.
/// </summary>
public class KTableSourceMaterializationTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void A_delete_of_a_key_without_a_row_is_held_back_only_by_the_cache_of_a_materialized_table(bool named, bool cacheBudget)
    {
        // Kafka Streams' KTableSource forwards every tombstone; only a caching store's flush skips those of keys the
        // store never had, and that store exists only for a named table (a zero cache budget strips its cache).
        var builder = new StreamsBuilder();
        builder.Table("input", Strings, named ? Materialized.As<string, string>("table") : null).ToStream().To("output");
        using var driver = new TopologyTestDriver(builder.Build(), cacheBudget ? null : DslTestSupport.Uncached());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("ghost", null!, 1);
        input.PipeInput("a", "1", 2);
        input.PipeInput("a", null!, 3);
        input.PipeInput("a", null!, 4);

        Assert.Equal(
            named && cacheBudget
                ? [("a", "1", 2L), ("a", null!, 3L)]
                : [("ghost", null!, 1L), ("a", "1", 2L), ("a", null!, 3L), ("a", null!, 4L)],
            Output(driver).ReadAll());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_update_made_while_handling_one_record_leaves_an_unnamed_ToTable(bool named)
    {
        // The driver commits after each piped record, so only a cache (a named table's) can coalesce the three
        // updates of one key that one record makes.
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .FlatMapValues(v => v.Split(','))
            .ToTable(materialized: named ? Materialized.As<string, string>("latest") : null)
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());

        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("a", "1,2,3", 5);

        Assert.Equal(named ? [("a", "3", 5L)] : [("a", "1", 5L), ("a", "2", 5L), ("a", "3", 5L)], Output(driver).ReadAll());
    }

    [Theory]
    [InlineData("join")]
    [InlineData("groupBy")]
    [InlineData("suppress")]
    public void What_materializes_an_unnamed_table_in_Kafka_Streams_gives_it_its_cache(string reader)
    {
        var builder = new StreamsBuilder();
        var table = builder.Table("input", Strings);
        table.ToStream().To("output");
        switch (reader)
        {
            case "join":
                builder.Stream("lookups", Strings).Join(table, (l, t) => l + t).To("joined");
                break;
            case "groupBy":
                table.GroupBy((k, v) => KeyValue.Pair(v, k)).Count();
                break;
            default:
                table.Suppress(Suppressed.UntilTimeLimit<string>(TimeSpan.FromSeconds(1), BufferConfig.Unbounded())).ToStream().To("late");
                break;
        }

        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("ghost", null!, 1);
        input.PipeInput("a", "1", 2);

        Assert.Equal([("a", "1", 2L)], Output(driver).ReadAll());
    }

    private static TestOutputTopic<string, string> Output(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());
}
