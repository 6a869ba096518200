using Avro;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>Avro's resolution rules, each checked in both directions (reader against writer and back).</summary>
public class SchemaResolutionTests
{
    [Fact]
    public void AnAddedFieldWithADefaultResolvesBothWays()
    {
        var v1 = Record("""[{"name": "id", "type": "string"}]""");
        var v2 = Record("""[{"name": "id", "type": "string"}, {"name": "currency", "type": "string", "default": "EUR"}]""");

        Assert.Empty(AvroCompatibility.CheckCanRead(v2, v1));
        Assert.Empty(AvroCompatibility.CheckCanRead(v1, v2));
    }

    [Fact]
    public void AReaderFieldWithoutDefaultMustBeWritten()
    {
        var v1 = Record("""[{"name": "id", "type": "string"}]""");
        var v2 = Record("""[{"name": "id", "type": "string"}, {"name": "currency", "type": "string"}]""");

        var incompatibility = Assert.Single(AvroCompatibility.CheckCanRead(v2, v1));
        Assert.Equal("/fields/currency: reader field has no default and is missing in writer", incompatibility.ToString());
        Assert.Empty(AvroCompatibility.CheckCanRead(v1, v2)); // Writer fields the reader lacks are skipped.
    }

    [Fact]
    public void AReaderFieldAliasMatchesTheWritersOldName()
    {
        var old = Record("""[{"name": "amount", "type": "double"}]""");
        var renamed = Record("""[{"name": "total", "type": "double", "aliases": ["amount"]}]""");

        Assert.Empty(AvroCompatibility.CheckCanRead(renamed, old));
        Assert.Equal("/fields/amount", Assert.Single(AvroCompatibility.CheckCanRead(old, renamed)).Path);
    }

    [Theory]
    [InlineData("int", "long")]
    [InlineData("int", "float")]
    [InlineData("int", "double")]
    [InlineData("long", "float")]
    [InlineData("long", "double")]
    [InlineData("float", "double")]
    [InlineData("string", "bytes")]
    [InlineData("bytes", "string")]
    public void PrimitivesPromoteToWiderTypes(string writer, string reader) =>
        Assert.Empty(AvroCompatibility.CheckCanRead(Primitive(reader), Primitive(writer)));

    [Theory]
    [InlineData("long", "int")]
    [InlineData("double", "float")]
    [InlineData("float", "long")]
    [InlineData("int", "string")]
    [InlineData("boolean", "int")]
    [InlineData("null", "string")]
    public void PrimitivesDoNotNarrowOrChangeKind(string writer, string reader)
    {
        var incompatibility = Assert.Single(AvroCompatibility.CheckCanRead(Primitive(reader), Primitive(writer)));
        Assert.Equal("/: reader type " + reader + " cannot read writer type " + writer, incompatibility.ToString());
    }

    [Fact]
    public void EnumSymbolsTheReaderLacksNeedAReaderDefault()
    {
        var small = Schema.Parse("""{"type": "enum", "name": "Status", "symbols": ["NEW", "PAID"]}""");
        var large = Schema.Parse("""{"type": "enum", "name": "Status", "symbols": ["NEW", "PAID", "SHIPPED"]}""");
        var smallWithDefault = Schema.Parse(
            """{"type": "enum", "name": "Status", "symbols": ["UNKNOWN", "NEW", "PAID"], "default": "UNKNOWN"}""");

        Assert.Empty(AvroCompatibility.CheckCanRead(large, small));
        Assert.Equal(
            "/symbols: writer symbol SHIPPED is missing in reader, which has no default",
            Assert.Single(AvroCompatibility.CheckCanRead(small, large)).ToString());
        Assert.Empty(AvroCompatibility.CheckCanRead(smallWithDefault, large));
    }

    [Fact]
    public void ArraysAndMapsResolveByTheirItemsAndValues()
    {
        Assert.Empty(AvroCompatibility.CheckCanRead(Parse("""{"type": "array", "items": "long"}"""), Parse("""{"type": "array", "items": "int"}""")));
        Assert.Equal("/items", Assert.Single(AvroCompatibility.CheckCanRead(
            Parse("""{"type": "array", "items": "int"}"""), Parse("""{"type": "array", "items": "long"}"""))).Path);
        Assert.Empty(AvroCompatibility.CheckCanRead(Parse("""{"type": "map", "values": "double"}"""), Parse("""{"type": "map", "values": "float"}""")));
        Assert.Equal("/values", Assert.Single(AvroCompatibility.CheckCanRead(
            Parse("""{"type": "map", "values": "float"}"""), Parse("""{"type": "map", "values": "double"}"""))).Path);
    }

    [Fact]
    public void FixedTypesNeedTheSameNameAndSize()
    {
        var md5 = Parse("""{"type": "fixed", "name": "Hash", "size": 16}""");
        var sha1 = Parse("""{"type": "fixed", "name": "Hash", "size": 20}""");
        var renamed = Parse("""{"type": "fixed", "name": "Digest", "size": 16}""");

        Assert.Empty(AvroCompatibility.CheckCanRead(md5, Parse("""{"type": "fixed", "name": "Hash", "size": 16}""")));
        Assert.Equal("/size", Assert.Single(AvroCompatibility.CheckCanRead(md5, sha1)).Path);
        Assert.Equal("/size", Assert.Single(AvroCompatibility.CheckCanRead(sha1, md5)).Path);
        Assert.Equal("/name", Assert.Single(AvroCompatibility.CheckCanRead(renamed, md5)).Path);
    }

    [Fact]
    public void RecordsMatchByFullName()
    {
        var order = Record("""[{"name": "id", "type": "string"}]""", "shop.Order");
        var otherNamespace = Record("""[{"name": "id", "type": "string"}]""", "billing.Order");

        var incompatibility = Assert.Single(AvroCompatibility.CheckCanRead(order, otherNamespace));
        Assert.Equal("/name: reader name shop.Order does not match writer name billing.Order", incompatibility.ToString());
    }

    [Fact]
    public void EveryWriterUnionBranchMustBeReadable()
    {
        var optional = Parse("""["null", "string"]""");
        var required = Parse("\"string\"");

        Assert.Empty(AvroCompatibility.CheckCanRead(optional, required));
        Assert.Equal("/types/0", Assert.Single(AvroCompatibility.CheckCanRead(required, optional)).Path);
    }

    [Fact]
    public void AReaderUnionReadsAWriterTypeThroughAnyBranchThatResolves()
    {
        Assert.Empty(AvroCompatibility.CheckCanRead(Parse("""["null", "long"]"""), Parse("\"int\"")));
        Assert.Empty(AvroCompatibility.CheckCanRead(Parse("""["null", "string", "long"]"""), Parse("""["long", "null"]""")));
        Assert.Equal(
            "/: reader union has no branch that can read writer type boolean",
            Assert.Single(AvroCompatibility.CheckCanRead(Parse("""["null", "long"]"""), Parse("\"boolean\""))).ToString());
    }

    [Fact]
    public void PathsLeadThroughNestedRecordsArraysAndUnions()
    {
        var writer = Record(Items("""[{"name": "sku", "type": "string"}]"""));
        var reader = Record(Items("""[{"name": "sku", "type": "string"}, {"name": "price", "type": "double"}]"""));

        Assert.Equal("/fields/items/items/fields/price", Assert.Single(AvroCompatibility.CheckCanRead(reader, writer)).Path);
    }

    [Fact]
    public void RecursiveTypesTerminate()
    {
        var list = Node("int");
        var widened = Node("long");

        Assert.Empty(AvroCompatibility.CheckCanRead(widened, list));
        Assert.Contains(AvroCompatibility.CheckCanRead(list, widened), i => i.Path == "/fields/value");
    }

    [Fact]
    public void LogicalTypesResolveAsTheirUnderlyingType()
    {
        var timestamp = Parse("""{"type": "long", "logicalType": "timestamp-millis"}""");

        Assert.Empty(AvroCompatibility.CheckCanRead(timestamp, Parse("\"long\"")));
        Assert.Empty(AvroCompatibility.CheckCanRead(Parse("\"long\""), timestamp));
    }

    private static Schema Parse(string json) => Schema.Parse(json);

    private static string Items(string itemFields) =>
        """[{"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": """
            + itemFields + "}}}]";

    private static Schema Node(string valueType) => Parse(
        """{"type": "record", "name": "Node", "fields": [{"name": "value", "type": "VALUE"}, {"name": "next", "type": ["null", "Node"], "default": null}]}"""
            .Replace("VALUE", valueType, StringComparison.Ordinal));

    private static Schema Primitive(string type) => Schema.Parse("\"" + type + "\"");

    private static RecordSchema Record(string fields, string name = "shop.Payment") => Schemas.Record(fields, name);
}
