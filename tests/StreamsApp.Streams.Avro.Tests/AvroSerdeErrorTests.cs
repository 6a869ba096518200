using Avro.Generic;
using Confluent.SchemaRegistry;
using StreamsApp.Streams.Avro.Tests.Records;
using StreamsApp.Streams.Errors;
using static StreamsApp.Streams.Avro.Tests.Contexts;

namespace StreamsApp.Streams.Avro.Tests;

public class AvroSerdeErrorTests
{
    private readonly InMemorySchemaRegistry _registry = new();
    private readonly AvroSerde<Payment> _serde;

    public AvroSerdeErrorTests() => _serde = new AvroSerde<Payment>(_registry);

    [Fact]
    public void WrongMagicByteIsNamed()
    {
        var ex = Read([1, 0, 0, 0, 1, 2]);
        Assert.Contains("unknown magic byte 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("payments", ex.Topic);
    }

    [Fact]
    public void BytesShorterThanTheHeaderAreTruncated() =>
        Assert.Contains("truncated payload: 3 bytes", Read([0, 0, 0]).Message, StringComparison.Ordinal);

    [Fact]
    public void UnknownSchemaIdIsNamed() =>
        Assert.Contains("cannot get writer schema id 42", Read([0, 0, 0, 0, 42, 2]).Message, StringComparison.Ordinal);

    [Fact]
    public void APayloadCutShortIsTruncated()
    {
        byte[] bytes = _serde.Serializer.Serialize(new Payment { Id = "p-1", Amount = 2 }, Value("payments"));

        var ex = Read(bytes[..^3]);

        Assert.Contains("truncated or corrupt Avro payload", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriterSchemaTheReaderCannotResolveIsIncompatibleWithThePath()
    {
        await _registry.UpdateCompatibilityAsync(Compatibility.None, "payments-value");
        var generic = new AvroSerde<GenericRecord>(_registry);
        byte[] bytes = generic.Serializer.Serialize(
            Schemas.Generic(Schemas.PaymentWithRequiredReference, ("id", "p"), ("reference", "r")), Value("payments"));

        var ex = Read(bytes);

        Assert.Contains("reader schema cannot read writer schema id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/fields/amount: reader field has no default", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegistryRefusingTheSchemaFailsSerialization()
    {
        _serde.Serializer.Serialize(new Payment { Id = "p" }, Value("payments"));
        var generic = new AvroSerde<GenericRecord>(_registry);

        var ex = Assert.Throws<SerdeException>(() => generic.Serializer.Serialize(
            Schemas.Generic(Schemas.PaymentWithRequiredReference, ("id", "p"), ("reference", "r")), Value("payments")));

        Assert.Contains("cannot register schema", ex.Message, StringComparison.Ordinal);
        Assert.IsType<SchemaRegistryException>(ex.InnerException);
    }

    [Fact]
    public void LookupOnlyModeFailsForASchemaTheSubjectLacks()
    {
        var serde = new AvroSerde<Payment>(_registry, new AvroSerdeOptions { AutoRegisterSchemas = false });

        var ex = Assert.Throws<SerdeException>(() => serde.Serializer.Serialize(new Payment(), Value("payments")));

        Assert.Contains("cannot find schema", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGenericRecordThatDoesNotFillItsSchemaFailsSerialization()
    {
        var generic = new AvroSerde<GenericRecord>(_registry);

        var ex = Assert.Throws<SerdeException>(() => generic.Serializer.Serialize(
            Schemas.Generic(Schemas.PaymentV2WithCurrency, ("id", "p")), Value("payments")));

        Assert.Contains("the record does not match its schema", ex.Message, StringComparison.Ordinal);
    }

    private SerdeException Read(byte[] bytes) =>
        Assert.Throws<SerdeException>(() => _serde.Deserializer.Deserialize(bytes, isNull: false, Value("payments")));
}
