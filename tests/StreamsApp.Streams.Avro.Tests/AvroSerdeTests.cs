using System.Buffers.Binary;
using Avro.Generic;
using Confluent.SchemaRegistry;
using StreamsApp.Streams.Avro.Tests.Records;
using static StreamsApp.Streams.Avro.Tests.Contexts;

namespace StreamsApp.Streams.Avro.Tests;

public class AvroSerdeTests
{
    private readonly InMemorySchemaRegistry _registry = new();

    [Fact]
    public async Task SpecificRecordRoundTripsInTheWireFormatWithItsRegisteredId()
    {
        var serde = new AvroSerde<Payment>(_registry);
        byte[] bytes = serde.Serializer.Serialize(new Payment { Id = "p-1", Amount = 12.5 }, Value("payments"));

        var registered = await _registry.GetLatestSchemaAsync("payments-value");
        Assert.Equal(0, bytes[0]);
        Assert.Equal(registered.Id, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
        var read = serde.Deserializer.Deserialize(bytes, isNull: false, Value("payments"));
        Assert.Equal(("p-1", 12.5), (read.Id, read.Amount));
    }

    [Fact]
    public async Task KeysAreRegisteredUnderTheKeySubject()
    {
        new AvroSerde<Payment>(_registry).Serializer.Serialize(new Payment { Id = "k" }, Key("payments"));

        Assert.Equal(1, (await _registry.GetLatestSchemaAsync("payments-key")).Version);
        await Assert.ThrowsAsync<SchemaRegistryException>(() => _registry.GetLatestSchemaAsync("payments-value"));
    }

    [Fact]
    public void NullIsATombstoneBothWays()
    {
        var serde = new AvroSerde<Payment>(_registry);
        Assert.Null(serde.Serializer.Serialize(null!, Value("payments")));
        Assert.Null(serde.Deserializer.Deserialize(default, isNull: true, Value("payments")));
    }

    [Fact]
    public void GenericRecordRoundTripsWithItsWriterSchema()
    {
        var serde = new AvroSerde<GenericRecord>(_registry);
        var record = Schemas.Generic(Schemas.PaymentV2WithCurrency, ("id", "p-2"), ("amount", 3.0), ("currency", "USD"));

        var read = serde.Deserializer.Deserialize(
            serde.Serializer.Serialize(record, Value("payments")), isNull: false, Value("payments"));

        Assert.Equal(record, read);
    }

    [Fact]
    public void OldSpecificReaderReadsNewerWriterAndSkipsTheAddedField()
    {
        var writer = new AvroSerde<GenericRecord>(_registry);
        new AvroSerde<Payment>(_registry).Serializer.Serialize(new Payment { Id = "v1" }, Value("payments"));
        byte[] bytes = writer.Serializer.Serialize(
            Schemas.Generic(Schemas.PaymentV2WithCurrency, ("id", "p-3"), ("amount", 7.0), ("currency", "USD")),
            Value("payments"));

        var read = new AvroSerde<Payment>(_registry).Deserializer.Deserialize(bytes, isNull: false, Value("payments"));

        Assert.Equal(("p-3", 7.0), (read.Id, read.Amount));
    }

    [Fact]
    public void NewerGenericReaderFillsTheDefaultOfAFieldTheOldWriterLacked()
    {
        byte[] bytes = new AvroSerde<Payment>(_registry).Serializer.Serialize(
            new Payment { Id = "p-4", Amount = 1.0 }, Value("payments"));
        var reader = new AvroSerde<GenericRecord>(
            _registry, new AvroSerdeOptions { ReaderSchema = Schemas.PaymentV2WithCurrency });

        var read = reader.Deserializer.Deserialize(bytes, isNull: false, Value("payments"));

        Assert.Equal("EUR", read["currency"]);
        Assert.Equal("p-4", read["id"]);
    }

    [Fact]
    public void OnlyTheFirstRecordOfASchemaReachesTheRegistry()
    {
        var (client, counting) = CountingRegistry.Over(_registry);
        var serde = new AvroSerde<Payment>(client);

        for (int i = 0; i < 3; i++)
        {
            byte[] bytes = serde.Serializer.Serialize(new Payment { Id = "p" }, Value("payments"));
            serde.Deserializer.Deserialize(bytes, isNull: false, Value("payments"));
        }

        Assert.Equal(2, counting.Calls); // One register, one schema fetch.
    }

    [Fact]
    public async Task LookupOnlyModeUsesTheRegisteredIdAndRegistersNothing()
    {
        int id = await _registry.RegisterSchemaAsync("payments-value", Payment.SchemaV1.ToString());
        var serde = new AvroSerde<Payment>(_registry, new AvroSerdeOptions { AutoRegisterSchemas = false });

        byte[] bytes = serde.Serializer.Serialize(new Payment { Id = "p" }, Value("payments"));

        Assert.Equal(id, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
        Assert.Equal(1, (await _registry.GetLatestSchemaAsync("payments-value")).Version);
    }

    [Fact]
    public void UnsupportedTypesAreRejectedAtConstruction()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AvroSerde<string>(_registry));
        Assert.Contains("ISpecificRecord", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AvroSerde<Payment>(
            _registry, new AvroSerdeOptions { ReaderSchema = Schemas.PaymentV2WithCurrency }));
    }
}
