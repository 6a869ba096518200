using StreamsApp.Streams.Avro.Tests.Records;
using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>The serde inside the engine: the topics it sees name the subjects, and tombstones pass through.</summary>
public class TopologyAvroTests
{
    [Fact]
    public async Task ATopologyRegistersOneSubjectPerTopicItWritesAndReads()
    {
        var registry = new InMemorySchemaRegistry();
        var payments = new AvroSerde<Payment>(registry);
        var builder = new StreamsBuilder();
        builder.Stream("payments", Consumed.With(Serdes.String(), payments))
            .MapValues(p => p is null ? null! : new Payment { Id = p.Id, Amount = p.Amount * 2 })
            .To("payments-doubled", Produced.With(Serdes.String(), payments));
        using var driver = new TopologyTestDriver(builder.Build());
        var input = driver.CreateInputTopic("payments", Serdes.String(), payments);
        var output = driver.CreateOutputTopic("payments-doubled", Serdes.String(), payments);

        input.PipeInput("p-1", new Payment { Id = "p-1", Amount = 4 });
        input.PipeInput("p-1", null!);

        Assert.Equal(8, output.ReadValue().Amount);
        Assert.Null(output.ReadValue());
        Assert.Equal(
            (await registry.GetLatestSchemaAsync("payments-value")).Id,
            (await registry.GetLatestSchemaAsync("payments-doubled-value")).Id);
    }
}
