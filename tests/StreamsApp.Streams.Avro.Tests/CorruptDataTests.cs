using Avro;
using Avro.Generic;
using StreamsApp.Streams.Errors;
using static StreamsApp.Streams.Avro.Tests.Contexts;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>
/// Whatever Apache.Avro throws for bytes or values that do not fit a schema surfaces as a
/// <see cref="SerdeException"/>, which the engine's exception handlers and dead-letter topics expect.
/// </summary>
public class CorruptDataTests
{
    private static readonly RecordSchema Rich = Schemas.Record(
        """
        [{"name": "choice", "type": ["null", "string", {"type": "enum", "name": "Flag", "symbols": ["ON", "OFF"]}]},
         {"name": "nested", "type": {"type": "array", "items": {"type": "map", "values": {"type": "fixed", "name": "Code", "size": 3}}}},
         {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 18, "scale": 4}}]
        """,
        "shop.Rich");

    private readonly AvroSerde<GenericRecord> _serde = new(new InMemorySchemaRegistry());

    [Fact]
    public void RandomPayloadsAfterAValidHeaderReadOrFailAsSerdeExceptions()
    {
        byte[] header = Write(new AvroDecimal(1.5000m))[..5];
        var random = new Random(20261123);
        int failures = 0;

        for (int i = 0; i < 2000; i++)
        {
            var payload = new byte[random.Next(0, 24)];
            random.NextBytes(payload);
            var ex = Record.Exception(() => _serde.Deserializer.Deserialize([.. header, .. payload], isNull: false, Value("rich")));
            if (ex is not null)
            {
                Assert.IsType<SerdeException>(ex);
                failures++;
            }
        }

        Assert.InRange(failures, 1000, 2000); // Most random bytes are not a Rich record.
    }

    [Fact]
    public void AValueTheSchemaCannotHoldIsASerdeException()
    {
        var ex = Assert.Throws<SerdeException>(() => Write(new AvroDecimal(1.5m)));

        Assert.Contains("the record does not match its schema", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }

    private byte[] Write(AvroDecimal amount) =>
        _serde.Serializer.Serialize(
            Schemas.Generic(Rich, ("nested", Array.Empty<object>()), ("amount", amount)), Value("rich"));
}
