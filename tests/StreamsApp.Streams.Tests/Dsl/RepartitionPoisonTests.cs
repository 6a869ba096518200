using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl;

/// <summary>
/// Records written into a repartition topic by someone else reach its reader like any source's: garbage goes through
/// the deserialization handler (here to the DLT), and the aggregation skips a record without a key or a value and
/// counts it as dropped, as Kafka Streams' aggregations do. The count goes on.
/// </summary>
public sealed class RepartitionPoisonTests
{
    private const string Repartition = "poison-app-counts-repartition";

    [Fact]
    public void Garbage_is_dead_lettered_and_a_missing_key_or_value_is_skipped()
    {
        var builder = new StreamsBuilder();
        builder.Stream("input", Consumed.With(Serdes.String(), Serdes.String()))
            .SelectKey((_, v) => v)
            .GroupByKey(Grouped.With(Serdes.String(), Serdes.String()).WithName("counts"))
            .Count(materialized: Materialized.As<string, long>("count-store"));
        var config = new StreamsConfig { ApplicationId = "poison-app", DeserializationExceptionHandler = ExceptionHandlers.LogAndDeadLetter };
        using var driver = new TopologyTestDriver(builder.Build(), config);
        var poison = driver.CreateInputTopic(Repartition, Serdes.ByteArray(), Serdes.ByteArray());

        poison.PipeInput([0xFF, 0xFE], "v"u8.ToArray());
        poison.PipeInput(null!, "v"u8.ToArray());
        poison.PipeInput("word"u8.ToArray(), null!);
        driver.CreateInputTopic("input", Serdes.String(), Serdes.String()).PipeInput("k", "word");

        Assert.Equal(1L, driver.GetKeyValueStore<string, long>("count-store").Get("word"));
        Assert.Single(driver.CreateOutputTopic(DeadLetterTopic.For(Repartition), Serdes.ByteArray(), Serdes.ByteArray()).ReadRecordsToList());
        Assert.Equal(2, driver.DroppedRecords());
    }
}
