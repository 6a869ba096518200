using Avro;
using StreamsApp.Contracts;

namespace StreamsApp.Topologies.Tests.Contracts;

public class SchemaFileTests
{
    public static TheoryData<string> Paths() => new(SchemaDirectory.Files.Select(file => file.Path));

    [Theory]
    [MemberData(nameof(Paths))]
    public void EveryFileParsesAndIsNamedAfterItsSchema(string path)
    {
        var file = SchemaFile.Parse(path);
        var schema = (NamedSchema)SchemaDirectory.Load(file);

        Assert.Equal(file.Name, schema.Name);
        Assert.Equal("StreamsApp.Contracts." + file.Domain, schema.Namespace, ignoreCase: true);
        Assert.False(string.IsNullOrWhiteSpace(schema.Documentation), path + " has no doc");
    }

    [Fact]
    public void TheAssemblyEmbedsExactlyTheFilesOnDisk()
    {
        Assert.NotEmpty(SchemaDirectory.Files);
        Assert.Equal(SchemaDirectory.Files, ContractSchemas.Files);
    }

    [Fact]
    public void EmbeddedSchemasAreTheFilesOnDisk()
    {
        foreach (var file in ContractSchemas.Files)
        {
            Assert.Equal(SchemaDirectory.Load(file).ToString(), ContractSchemas.Load(file).ToString());
        }
    }

    [Fact]
    public void ANamedTypeUsedInSeveralFilesIsDefinedTheSameWayInEach()
    {
        // Every file is self-contained (the registry stores one schema per subject), so shared types such as
        // OrderItem and Address are repeated; the current version of each file must agree with the type's own file.
        var definitions = ContractSchemas.Files
            .GroupBy(file => (file.Domain, file.Name))
            .Select(family => family.MaxBy(file => file.Version)!)
            .SelectMany(file => NamedTypes(SchemaDirectory.Load(file)).Select(type => (file.Path, Type: type)))
            .GroupBy(definition => definition.Type.Fullname)
            .ToArray();

        Assert.Contains(definitions, group => group.Key == "StreamsApp.Contracts.Orders.OrderItem" && group.Count() > 5);
        foreach (var group in definitions)
        {
            var distinct = group.Select(definition => definition.Type.ToString()).Distinct().ToArray();
            Assert.True(distinct.Length == 1, $"{group.Key} differs between {string.Join(", ", group.Select(d => d.Path))}");
        }
    }

    [Theory]
    [InlineData("orders/OrderCreated.avsc", "orders", "OrderCreated", 1)]
    [InlineData("orders/OrderCreated.v2.avsc", "orders", "OrderCreated", 2)]
    [InlineData(@"saga\SagaState.v12.avsc", "saga", "SagaState", 12)]
    public void FileNamesCarryDomainNameAndVersion(string path, string domain, string name, int version)
    {
        var file = SchemaFile.Parse(path);

        Assert.Equal((domain, name, version), (file.Domain, file.Name, file.Version));
    }

    [Theory]
    [InlineData("OrderCreated.avsc")]
    [InlineData("orders/OrderCreated.json")]
    [InlineData("orders/OrderCreated.v1.avsc")]
    [InlineData("orders/OrderCreated.vX.avsc")]
    public void MalformedFileNamesAreRejected(string path) =>
        Assert.Throws<FormatException>(() => SchemaFile.Parse(path));

    private static IEnumerable<NamedSchema> NamedTypes(Schema schema) => schema switch
    {
        RecordSchema record => record.Fields.SelectMany(field => NamedTypes(field.Schema)).Prepend(record),
        EnumSchema enumeration => [enumeration],
        ArraySchema array => NamedTypes(array.ItemSchema),
        UnionSchema union => union.Schemas.SelectMany(NamedTypes),
        _ => [],
    };
}
