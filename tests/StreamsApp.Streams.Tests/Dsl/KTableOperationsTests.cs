using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// Stateless table operations. As in Kafka Streams (KAFKA-10077), a filter over a materialized table knows the old
/// row, so it sends a tombstone only for a row that stops matching, not for rows that never matched.
/// </summary>
public class KTableOperationsTests
{
    private static readonly Consumed<string, long> StringLongs = Consumed.With(Serdes.String(), Serdes.Int64());

    [Fact]
    public void Filter_deletes_downstream_a_row_that_stops_matching()
    {
        var builder = new StreamsBuilder();
        builder.Table("input", Consumed.With(Serdes.String(), Serdes.String()))
            .Filter((_, v) => v.StartsWith('y'))
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "no", 1);
        input.PipeInput("a", "yes", 2);
        input.PipeInput("a", "yes!", 3);
        input.PipeInput("a", "no", 4);
        input.PipeInput("a", "nope", 5);
        input.PipeInput("b", "yes", 6);
        input.PipeInput("b", null!, 7);

        // As Kafka Streams: over an unnamed source table, which sends no old values, each update that does not match
        // is a delete downstream, whether or not the row was there.
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());
        Assert.Equal(
            [("a", null!, 1L), ("a", "yes", 2L), ("a", "yes!", 3L), ("a", null!, 4L), ("a", null!, 5L), ("b", "yes", 6L), ("b", null!, 7L)],
            output.ReadAll());
    }

    [Theory]
    [InlineData("named")]
    [InlineData("regrouped")]
    [InlineData("joined")]
    public void Over_a_table_that_sends_old_values_a_filter_deletes_only_a_row_that_stops_matching(string source)
    {
        // KAFKA-10077: a source table named by Materialized sends old values; so does one a re-grouping made send them,
        // or one a join read before the filter was built (reading materializes it in Kafka Streams).
        var strings = Consumed.With(Serdes.String(), Serdes.String());
        var builder = new StreamsBuilder();
        var table = builder.Table("input", strings, source == "named" ? Materialized.As<string, string>("source") : null);
        if (source == "regrouped")
        {
            table.GroupBy((k, v) => new KeyValue<string, string>(v, k)).Count();
        }

        if (source == "joined")
        {
            builder.Stream("lookups", strings).Join(table, (l, t) => l + t).To("joined");
        }

        table.Filter((_, v) => v.StartsWith('y')).ToStream().To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "no", 1);
        input.PipeInput("a", "yes", 2);
        input.PipeInput("a", "no", 3);
        input.PipeInput("a", "nope", 4);

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());
        Assert.Equal([("a", "yes", 2L), ("a", null!, 3L)], output.ReadAll());
    }

    [Fact]
    public void FilterNot_keeps_the_rows_the_predicate_rejects()
    {
        var builder = new StreamsBuilder();
        builder.Table("input", Consumed.With(Serdes.String(), Serdes.String()))
            .FilterNot((k, _) => k.StartsWith('x'))
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("xa", "1", 1);
        input.PipeInput("b", "2", 2);
        input.PipeInput("xa", "3", 3);

        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.String());
        Assert.Equal([("xa", null!, 1L), ("b", "2", 2L), ("xa", null!, 3L)], output.ReadAll());
    }

    [Fact]
    public void A_materialized_filter_holds_only_matching_rows_in_a_queryable_store()
    {
        var builder = new StreamsBuilder();
        var filtered = builder.Table("input", StringLongs)
            .Filter((_, v) => v > 10, materialized: Materialized.As<string, long>("big"));
        filtered.MapValues(v => (long?)v).ToStream().To("output", Produced.With(Serdes.String(), Serdes.Nullable(Serdes.Int64())));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.Int64());

        input.PipeInput("a", 50, 1);
        input.PipeInput("b", 5, 2);
        input.PipeInput("c", 60, 3);
        input.PipeInput("a", 1, 4);

        Assert.Equal("big", filtered.QueryableStoreName);
        Assert.Equal([KeyValue.Pair("c", 60L)], driver.GetKeyValueStore<string, long>("big").Contents());
        var output = driver.CreateOutputTopic("output", Serdes.String(), Serdes.Nullable(Serdes.Int64()));
        Assert.Equal([("a", (long?)50, 1L), ("c", (long?)60, 3L), ("a", (long?)null, 4L)], output.ReadAll());

        // The filter's cache is fed by the source table's cache flush; both flush in the same commit.
        var changelog = driver.CreateOutputTopic("test-driver-big-changelog", Serdes.String(), Serdes.Nullable(Serdes.Int64()));
        Assert.Equal([("a", (long?)50, 1L), ("c", (long?)60, 3L), ("a", (long?)null, 4L)], changelog.ReadAll());
    }

    [Fact]
    public void An_unmaterialized_filter_is_not_queryable()
    {
        var builder = new StreamsBuilder();
        var filtered = builder.Table("input", StringLongs).Filter((_, v) => v > 10);

        Assert.Null(filtered.QueryableStoreName);
    }

    [Fact]
    public void MapValues_maps_rows_with_or_without_the_key_and_passes_deletes_on()
    {
        var builder = new StreamsBuilder();
        var table = builder.Table("input", Consumed.With(Serdes.String(), Serdes.String()));
        table.MapValues(v => v.ToUpperInvariant()).ToStream().To("upper");
        table.MapValues((k, v) => k + v, materialized: Materialized.As<string, string>("keyed")).ToStream().To("keyed");
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 1);
        input.PipeInput("b", "y", 2);
        input.PipeInput("a", null!, 3);

        var upper = driver.CreateOutputTopic("upper", Serdes.String(), Serdes.String());
        var keyed = driver.CreateOutputTopic("keyed", Serdes.String(), Serdes.String());
        Assert.Equal([("a", "X", 1L), ("b", "Y", 2L), ("a", null!, 3L)], upper.ReadAll());
        Assert.Equal([("a", "ax", 1L), ("b", "by", 2L), ("a", null!, 3L)], keyed.ReadAll());
        Assert.Equal([KeyValue.Pair("b", "by")], driver.GetKeyValueStore<string, string>("keyed").Contents());
    }

    [Fact]
    public void Without_a_cache_MapValues_and_a_filter_over_an_unnamed_table_pass_on_a_delete_of_a_key_without_a_row()
    {
        // Kafka Streams' KTableMapValues forwards every update, materialized or not; its KTableFilter, without old
        // values from an unnamed source table, forwards a delete for each update that does not match.
        var builder = new StreamsBuilder();
        var table = builder.Table("input", Consumed.With(Serdes.String(), Serdes.String()));
        table.MapValues(v => v.ToUpperInvariant()).ToStream().To("upper");
        table.MapValues((k, v) => k + v, materialized: Materialized.As<string, string>("keyed")).ToStream().To("keyed");
        table.Filter((_, v) => v.StartsWith('y'), materialized: Materialized.As<string, string>("matching")).ToStream().To("matching");
        using var driver = new TopologyTestDriver(builder.Build(), DslTestSupport.Uncached());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 1);
        input.PipeInput("b", null!, 2);
        input.PipeInput("a", null!, 3);

        var upper = driver.CreateOutputTopic("upper", Serdes.String(), Serdes.String());
        var keyed = driver.CreateOutputTopic("keyed", Serdes.String(), Serdes.String());
        var matching = driver.CreateOutputTopic("matching", Serdes.String(), Serdes.String());
        Assert.Equal([("a", "X", 1L), ("b", null!, 2L), ("a", null!, 3L)], upper.ReadAll());
        Assert.Equal([("a", "ax", 1L), ("b", null!, 2L), ("a", null!, 3L)], keyed.ReadAll());
        Assert.Equal([("a", null!, 1L), ("b", null!, 2L), ("a", null!, 3L)], matching.ReadAll());
        Assert.Empty(driver.GetKeyValueStore<string, string>("keyed").Contents());
    }

    [Fact]
    public void ToStream_of_a_table_of_non_nullable_values_that_may_delete_fails_at_build()
    {
        var builder = new StreamsBuilder();
        var counts = builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String())).GroupByKey().Count();

        var filtered = counts.Filter((_, v) => v > 1);
        var error = Assert.Throws<TopologyException>(() => filtered.ToStream());
        Assert.Contains("Int64?", error.Message);
        Assert.Throws<TopologyException>(() => builder.Table("other", StringLongs).ToStream());

        // Counts never delete, and a nullable mapping can carry the filter's deletes.
        counts.ToStream().To("counts");
        filtered.MapValues(v => (long?)v).ToStream().To("filtered", Produced.With(Serdes.String(), Serdes.Nullable(Serdes.Int64())));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput("a", "x", 1);
        input.PipeInput("a", "x", 2);

        var output = driver.CreateOutputTopic("filtered", Serdes.String(), Serdes.Nullable(Serdes.Int64()));
        Assert.Equal([("a", (long?)2, 2L)], output.ReadAll());
    }

    [Fact]
    public void ToStream_with_a_key_mapper_rekeys_updates_and_deletes_and_a_grouping_after_it_repartitions()
    {
        var builder = new StreamsBuilder();
        var rekeyed = builder.Table("input", Consumed.With(Serdes.String(), Serdes.String())).ToStream((key, value) => $"{key}:{value}");
        rekeyed.To("rekeyed");
        rekeyed.GroupByKey().Count().MapValues(count => (long?)count).ToStream().To("counts", Produced.With(Serdes.String(), Serdes.Nullable(Serdes.Int64())));
        var topology = builder.Build();
        using var driver = new TopologyTestDriver(topology);
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 1);
        input.PipeInput("a", "y", 2);
        input.PipeInput("a", null!, 3);

        // As Kafka Streams' toStream(mapper): toStream, then selectKey, so the mapper sees a delete's null value too.
        Assert.Equal(
            [("a:x", "x", 1L), ("a:y", "y", 2L), ("a:", null!, 3L)],
            driver.CreateOutputTopic("rekeyed", Serdes.String(), Serdes.String()).ReadAll());
        Assert.Equal(
            [("a:x", (long?)1, 1L), ("a:y", 1, 2L)],
            driver.CreateOutputTopic("counts", Serdes.String(), Serdes.Nullable(Serdes.Int64())).ReadAll());
        // Names as Kafka Streams 4.1 gives them for the same topology.
        var description = topology.Describe().ToString();
        Assert.Contains("Processor: KTABLE-TOSTREAM-0000000003 (stores: [])", description);
        Assert.Contains("Processor: KSTREAM-KEY-SELECT-0000000004 (stores: [])", description);
        Assert.Contains("-repartition", description);
    }
}
