using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// Records written into a foreign-key join's internal topics by someone else: garbage and a record without a value
/// go through the deserialization handler (here to the DLT), a record without a key is skipped and counted as
/// dropped, and the join goes on.
/// </summary>
public sealed class ForeignKeyJoinPoisonTests
{
    private const string Registration = "fk-app-fk-subscription-registration-topic";
    private const string Response = "fk-app-fk-subscription-response-topic";

    [Theory]
    [InlineData(Registration)]
    [InlineData(Response)]
    public void Garbage_and_missing_values_are_dead_lettered_and_missing_keys_skipped(string topic)
    {
        var builder = new StreamsBuilder();
        var strings = Consumed.With(Serdes.String(), Serdes.String());
        builder.Table("orders", strings)
            .Join(builder.Table("products", strings), order => order.Split(':')[0], (order, product) => $"{order}+{product}", Named.As("fk"))
            .ToStream().To("out", Produced.With(Serdes.String(), Serdes.String()));
        var config = new StreamsConfig { ApplicationId = "fk-app", DeserializationExceptionHandler = ExceptionHandlers.LogAndDeadLetter };
        using var driver = new TopologyTestDriver(builder.Build(), config);
        var poison = driver.CreateInputTopic(topic, Serdes.ByteArray(), Serdes.ByteArray());
        var output = driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());

        poison.PipeInput([0x01], [0xFF, 0xFF, 0xFF]);
        // A well-formed value (version 0, no hash; a subscription carries the primary key "o9") under no key.
        poison.PipeInput(null!, topic == Registration ? [0x00, 0x00, 0x00, (byte)'o', (byte)'9'] : [0x00, 0x00]);
        poison.PipeInput("p1"u8.ToArray(), null!);
        driver.CreateInputTopic("products", Serdes.String(), Serdes.String()).PipeInput("p1", "apple");
        driver.CreateInputTopic("orders", Serdes.String(), Serdes.String()).PipeInput("o1", "p1:2");

        Assert.Equal([("o1", "p1:2+apple")], output.ReadKeyValuesToList().Select(kv => (kv.Key, kv.Value)));
        Assert.Equal(2, driver.CreateOutputTopic(DeadLetterTopic.For(topic), Serdes.ByteArray(), Serdes.ByteArray()).ReadRecordsToList().Count);
        Assert.Equal(1, driver.DroppedRecords());
    }
}
