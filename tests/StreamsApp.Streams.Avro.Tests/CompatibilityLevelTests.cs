using Avro;
using Compatibility = Confluent.SchemaRegistry.Compatibility;

namespace StreamsApp.Streams.Avro.Tests;

public class CompatibilityLevelTests
{
    private static readonly Schema V1 = Schemas.Record("""[{"name": "id", "type": "string"}]""");

    // v2 adds a field with a default: compatible both ways with v1.
    private static readonly Schema V2 = Schemas.Record("""[{"name": "id", "type": "string"}, {"name": "note", "type": "string", "default": ""}]""");

    // v3 makes the note required: it reads v2 data (which has a note) but not v1 data; v1 and v2 read v3 data.
    private static readonly Schema V3 = Schemas.Record("""[{"name": "id", "type": "string"}, {"name": "note", "type": "string"}]""");

    [Theory]
    [InlineData(Compatibility.Backward, true)]
    [InlineData(Compatibility.BackwardTransitive, false)]
    [InlineData(Compatibility.Forward, true)]
    [InlineData(Compatibility.ForwardTransitive, true)]
    [InlineData(Compatibility.Full, true)]
    [InlineData(Compatibility.FullTransitive, false)]
    [InlineData(Compatibility.None, true)]
    public void TransitiveLevelsCheckEveryEarlierVersion(Compatibility level, bool compatible) =>
        Assert.Equal(compatible, AvroCompatibility.Check(level, V3, [V1, V2]).Count == 0);

    [Fact]
    public void BackwardMeansTheNewSchemaReadsTheLatestData()
    {
        var failure = Assert.Single(AvroCompatibility.Check(Compatibility.Backward, V3, [V1]));

        Assert.Equal("/fields/note", failure.Path);
        Assert.Equal(
            "new schema cannot read old data: reader field has no default and is missing in writer (against version 1)",
            failure.Message);
        Assert.Empty(AvroCompatibility.Check(Compatibility.Forward, V3, [V1]));
    }

    [Fact]
    public void ForwardMeansTheLatestSchemaReadsTheNewData()
    {
        var failure = Assert.Single(AvroCompatibility.Check(Compatibility.Forward, V1, [V3]));

        Assert.StartsWith("old schema cannot read new data", failure.Message, StringComparison.Ordinal);
        Assert.Empty(AvroCompatibility.Check(Compatibility.Backward, V1, [V3]));
    }

    [Fact]
    public void FullNeedsBothDirections()
    {
        Assert.Single(AvroCompatibility.Check(Compatibility.Full, V3, [V1]));
        Assert.Single(AvroCompatibility.Check(Compatibility.Full, V1, [V3]));
        Assert.Empty(AvroCompatibility.Check(Compatibility.Full, V2, [V1]));
    }

    [Fact]
    public void AFirstVersionIsAlwaysCompatible() =>
        Assert.Empty(AvroCompatibility.Check(Compatibility.FullTransitive, V3, []));
}
