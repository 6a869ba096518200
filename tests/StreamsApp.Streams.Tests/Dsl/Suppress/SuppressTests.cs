using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Suppress;

/// <summary>
/// Suppress on tables: the latest update per key waits in a buffer until stream time reaches its first update's
/// timestamp plus the time limit, then goes out once, with its own timestamp and headers; full buffers emit early or
/// fail as configured.
/// </summary>
public class SuppressTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    [Fact]
    public void UntilTimeLimit_emits_each_key_once_when_stream_time_reaches_its_first_update_plus_the_limit()
    {
        using var driver = new TopologyTestDriver(SuppressedCounts(Suppressed.UntilTimeLimit<string>(TimeSpan.FromMilliseconds(10), BufferConfig.Unbounded())));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        var output = Counts(driver);

        input.PipeInput("a", "x", 0);
        input.PipeInput("b", "x", 5);
        input.PipeInput("a", "x", 8);
        input.PipeInput("a", "x", 9);
        Assert.Empty(output.ReadAll());

        // Stream time 10 = a's first update (0) + 10; a's later updates did not move its deadline.
        input.PipeInput("c", "x", 10);
        Assert.Equal([("a", 3L, 9L)], output.ReadAll());

        input.PipeInput("c", "x", 14);
        Assert.Empty(output.ReadAll());
        input.PipeInput("d", "x", 20);
        Assert.Equal([("b", 1L, 5L), ("c", 2L, 14L)], output.ReadAll());
    }

    [Fact]
    public void An_emitted_key_starts_a_new_wait_with_its_next_update()
    {
        using var driver = new TopologyTestDriver(SuppressedCounts(Suppressed.UntilTimeLimit<string>(TimeSpan.FromMilliseconds(5), BufferConfig.Unbounded())));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 0);
        input.PipeInput("a", "x", 5);
        Assert.Equal([("a", 2L, 5L)], Counts(driver).ReadAll());

        input.PipeInput("a", "x", 9);
        input.PipeInput("a", "x", 13);
        Assert.Empty(Counts(driver).ReadAll());
        input.PipeInput("a", "x", 14);
        Assert.Equal([("a", 5L, 14L)], Counts(driver).ReadAll());
    }

    [Fact]
    public void A_zero_limit_emits_every_update_at_once()
    {
        using var driver = new TopologyTestDriver(SuppressedCounts(Suppressed.UntilTimeLimit<string>(TimeSpan.Zero, BufferConfig.Unbounded())));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 3);
        input.PipeInput("a", "x", 1);

        Assert.Equal([("a", 1L, 3L), ("a", 2L, 3L)], Counts(driver).ReadAll());
    }

    [Fact]
    public void A_delete_is_buffered_and_emitted_with_the_timestamp_and_headers_of_its_record()
    {
        var builder = new StreamsBuilder();
        builder.Table("table", Strings)
            .Suppress(Suppressed.UntilTimeLimit<string>(TimeSpan.FromMilliseconds(10), BufferConfig.Unbounded()))
            .ToStream()
            .To("output");
        using var driver = new TopologyTestDriver(builder.Build());
        var table = driver.CreateInputTopic("table", Serdes.String(), Serdes.String());
        var headers = new Headers { { "trace", Encoding.UTF8.GetBytes("t-1") } };

        table.PipeInput(new TestRecord<string, string>("k", "v1", 0));
        table.PipeInput(new TestRecord<string, string>("k", null!, 3, headers));
        table.PipeInput(new TestRecord<string, string>("other", "v", 10));

        var emitted = Assert.Single(driver.CreateOutputTopic("output", Serdes.String(), Serdes.String()).ReadRecordsToList());
        Assert.Equal(("k", (string?)null, (long?)3), (emitted.Key, (string?)emitted.Value, emitted.Timestamp));
        var header = Assert.Single(emitted.Headers!);
        Assert.Equal(("trace", "t-1"), (header.Key, Encoding.UTF8.GetString(header.GetValueBytes())));
    }

    [Fact]
    public void EmitEarlyWhenFull_emits_the_oldest_entries_once_MaxRecords_is_exceeded()
    {
        var config = BufferConfig.MaxRecords(2);
        using var driver = new TopologyTestDriver(SuppressedCounts(Suppressed.UntilTimeLimit<string>(TimeSpan.FromHours(1), config)));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("b", "x", 1);
        input.PipeInput("a", "x", 2);
        input.PipeInput("b", "x", 3);
        Assert.Empty(Counts(driver).ReadAll());

        input.PipeInput("c", "x", 4);
        Assert.Equal([("b", 2L, 3L)], Counts(driver).ReadAll());
        input.PipeInput("d", "x", 5);
        Assert.Equal([("a", 1L, 2L)], Counts(driver).ReadAll());
    }

    [Fact]
    public void ShutDownWhenFull_fails_naming_the_suppression_and_its_limits()
    {
        var config = BufferConfig.MaxRecords(1).ShutDownWhenFull();
        var suppressed = Suppressed.UntilTimeLimit<string>(TimeSpan.FromHours(1), config).WithName("rate-limit");
        using var driver = new TopologyTestDriver(SuppressedCounts(suppressed));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());
        input.PipeInput("a", "x", 1);
        input.PipeInput("a", "x", 2);

        var error = Assert.ThrowsAny<StreamsException>(() => input.PipeInput("b", "x", 3));

        var cause = Assert.IsType<StreamsException>(error.InnerException);
        Assert.StartsWith("rate-limit buffer exceeded its max capacity. Currently [2/1] records and [", cause.Message);
        Assert.Empty(Counts(driver).ReadAll());
    }

    [Theory]
    [InlineData(70, new[] { "a" })]
    [InlineData(69, new[] { "a", "b" })]
    public void MaxBytes_counts_each_entry_as_its_key_plus_its_changelog_value(long maxBytes, string[] emittedEarly)
    {
        // Each entry: key "a" (1 byte) + changelog value of 34 bytes (21 fixed, no headers, change of 1 + 4 + 8).
        using var driver = new TopologyTestDriver(SuppressedCounts(
            Suppressed.UntilTimeLimit<string>(TimeSpan.FromHours(1), BufferConfig.MaxBytes(maxBytes))));
        var input = driver.CreateInputTopic("input", Serdes.String(), Serdes.String());

        input.PipeInput("a", "x", 1);
        input.PipeInput("b", "x", 2);
        input.PipeInput("c", "x", 3);

        Assert.Equal(emittedEarly, Counts(driver).ReadAll().Select(r => r.Key));
    }

    [Fact]
    public void UntilWindowCloses_on_a_table_that_is_not_windowed_fails_when_the_topology_is_built()
    {
        var table = new StreamsBuilder().Stream("input", Strings).GroupByKey().Count();

        var error = Assert.Throws<TopologyException>(
            () => table.Suppress(Suppressed.UntilWindowCloses<string>(BufferConfig.Unbounded())));

        Assert.Equal(
            "Invalid topology: Suppressed.UntilWindowCloses applies only to windowed tables (WindowedBy(...) aggregations), and table " +
            "'KSTREAM-AGGREGATE-0000000002' is not windowed; use Suppressed.UntilTimeLimit to rate-limit its updates",
            error.Message);
    }

    [Fact]
    public void Describe_shows_the_suppress_node_with_its_buffer_store()
    {
        var topology = SuppressedCounts(Suppressed.UntilTimeLimit<string>(TimeSpan.FromSeconds(1), BufferConfig.Unbounded()));

        var described = topology.Describe().ToString();

        Assert.Contains("Processor: KTABLE-SUPPRESS-0000000003 (stores: [KTABLE-SUPPRESS-STATE-STORE-0000000004])", described);
        Assert.Contains("<-- KSTREAM-AGGREGATE-0000000002", described);
    }

    internal static Topology SuppressedCounts(Suppressed<string> suppressed)
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Strings)
            .GroupByKey()
            .Count()
            .Suppress(suppressed)
            .ToStream()
            .To("output", Produced.With(Serdes.String(), Serdes.Int64()));
        return builder.Build();
    }

    internal static TestOutputTopic<string, long> Counts(TopologyTestDriver driver) =>
        driver.CreateOutputTopic("output", Serdes.String(), Serdes.Int64());
}
