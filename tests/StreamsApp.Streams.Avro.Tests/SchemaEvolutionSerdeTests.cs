using Avro;
using Avro.Generic;
using static StreamsApp.Streams.Avro.Tests.Contexts;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>Data written with one schema read with another through the serde: the checker and Apache.Avro agree.</summary>
public class SchemaEvolutionSerdeTests
{
    private static readonly RecordSchema CountV1 = Schemas.Record("""[{"name": "count", "type": "int"}]""", "shop.Stats");
    private static readonly RecordSchema CountV2 = Schemas.Record("""[{"name": "count", "type": "long"}]""", "shop.Stats");

    private static readonly RecordSchema StatusV2 = Schemas.Record(
        """[{"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID", "SHIPPED"]}}]""", "shop.Order");

    private static readonly RecordSchema StatusV1WithDefault = Schemas.Record(
        """[{"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["UNKNOWN", "NEW", "PAID"], "default": "UNKNOWN"}}]""", "shop.Order");

    private readonly InMemorySchemaRegistry _registry = new();

    [Fact]
    public void AnIntWrittenIsReadAsALong()
    {
        var read = Evolve(Schemas.Generic(CountV1, ("count", 42)), CountV2);

        Assert.Equal(42L, read["count"]);
    }

    [Fact]
    public void AnEnumSymbolTheReaderLacksReadsAsTheReadersDefault()
    {
        var written = Schemas.Generic(StatusV2, ("status", new GenericEnum((EnumSchema)StatusV2["status"].Schema, "SHIPPED")));

        var read = Evolve(written, StatusV1WithDefault);

        Assert.Equal("UNKNOWN", ((GenericEnum)read["status"]).Value);
    }

    private GenericRecord Evolve(GenericRecord written, Schema readerSchema)
    {
        byte[] bytes = new AvroSerde<GenericRecord>(_registry).Serializer.Serialize(written, Value("stats"));
        var reader = new AvroSerde<GenericRecord>(_registry, new AvroSerdeOptions { ReaderSchema = readerSchema });
        return reader.Deserializer.Deserialize(bytes, isNull: false, Value("stats"));
    }
}
