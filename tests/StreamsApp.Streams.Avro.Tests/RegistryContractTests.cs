using Confluent.SchemaRegistry;
using AvroSchema = Avro.Schema;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>
/// What Confluent's <see cref="ISchemaRegistryClient"/> gets from a registry, run against the in-memory registry
/// directly and through Confluent's own <see cref="CachedSchemaRegistryClient"/> and our HTTP server in front of it.
/// </summary>
public abstract class RegistryContractTests
{
    private static readonly string V1 = Schemas.Record("""[{"name": "id", "type": "string"}]""").ToString();
    private static readonly string V2 = Schemas.Record("""[{"name": "id", "type": "string"}, {"name": "currency", "type": "string", "default": "EUR"}]""").ToString();
    private static readonly string Breaking = Schemas.Record("""[{"name": "id", "type": "string"}, {"name": "reference", "type": "string"}]""").ToString();

    protected abstract ISchemaRegistryClient Client { get; }

    private static Schema Avro(string text) => new(text, SchemaType.Avro);

    private Task<int> Register(string subject, string schema) => Client.RegisterSchemaAsync(subject, Avro(schema));

    [Fact]
    public async Task RegisteringTheSameSchemaAgainReturnsItsIdAndAddsNoVersion()
    {
        var id = await Register("orders-value", V1);
        var again = await Register("orders-value", AvroSchema.Parse(V1).ToString());

        Assert.Equal(id, again);
        Assert.Equal(1, (await Client.GetLatestSchemaAsync("orders-value")).Version);
        Assert.Equal([1], await Client.GetSubjectVersionsAsync("orders-value"));
    }

    [Fact]
    public async Task VersionsCountPerSubjectAndIdsAreRegistryWide()
    {
        var v1 = await Register("orders-value", V1);
        var v2 = await Register("orders-value", V2);
        var shared = await Register("refunds-value", V2);

        Assert.NotEqual(v1, v2);
        Assert.Equal(v2, shared);
        var latest = await Client.GetLatestSchemaAsync("orders-value");
        Assert.Equal(("orders-value", 2, v2, V2), (latest.Subject, latest.Version, latest.Id, latest.SchemaString));
        Assert.Equal(1, (await Client.GetLatestSchemaAsync("refunds-value")).Version);
        Assert.Equal([1, 2], await Client.GetSubjectVersionsAsync("orders-value"));
        Assert.Equal(v1, (await Client.GetRegisteredSchemaAsync("orders-value", 1, ignoreDeletedSchemas: true)).Id);
        Assert.Equal(["orders-value", "refunds-value"], (await Client.GetAllSubjectsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SchemasAreFoundByIdAndBySubject()
    {
        var id = await Register("orders-value", V1);

        Assert.Equal(AvroSchema.Parse(V1), AvroSchema.Parse((await Client.GetSchemaAsync(id)).SchemaString));
        var found = await Client.LookupSchemaAsync("orders-value", Avro(V1), ignoreDeletedSchemas: true);
        Assert.Equal(("orders-value", 1, id), (found.Subject, found.Version, found.Id));
        Assert.Equal(id, await Client.GetSchemaIdAsync("orders-value", Avro(V1)));
    }

    [Fact]
    public async Task UnknownIdsSubjectsAndSchemasAreTheRegistrysErrors()
    {
        await Register("orders-value", V1);

        Assert.Equal(SchemaRegistryErrorCodes.SchemaNotFound, (await Fails(() => Client.GetSchemaAsync(999))).ErrorCode);
        Assert.Equal(SchemaRegistryErrorCodes.SubjectNotFound, (await Fails(() => Client.GetLatestSchemaAsync("nope-value"))).ErrorCode);
        Assert.Equal(SchemaRegistryErrorCodes.SubjectNotFound, (await Fails(() => Client.LookupSchemaAsync("nope-value", Avro(V1), true))).ErrorCode);
        Assert.Equal(SchemaRegistryErrorCodes.SchemaNotFound, (await Fails(() => Client.LookupSchemaAsync("orders-value", Avro(V2), true))).ErrorCode);
        Assert.Equal(SchemaRegistryErrorCodes.VersionNotFound, (await Fails(() => Client.GetRegisteredSchemaAsync("orders-value", 7, true))).ErrorCode);
        Assert.Equal(SchemaRegistryErrorCodes.SubjectNotFound, (await Fails(() => Client.GetSubjectVersionsAsync("nope-value"))).ErrorCode);
    }

    [Fact]
    public async Task AnInvalidSchemaIsRejected()
    {
        var ex = await Fails(() => Register("orders-value", """{"type": "record", "name": "X"}"""));

        Assert.Equal(SchemaRegistryErrorCodes.InvalidSchema, ex.ErrorCode);
    }

    [Fact]
    public async Task RegisteringEnforcesBackwardCompatibilityByDefault()
    {
        await Register("orders-value", V1);

        var ex = await Fails(() => Register("orders-value", Breaking));

        Assert.Equal(SchemaRegistryErrorCodes.IncompatibleSchema, ex.ErrorCode);
        Assert.Equal(409, (int)ex.Status);
        Assert.Contains("/fields/reference: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await Client.GetLatestSchemaAsync("orders-value")).Version);
    }

    [Fact]
    public async Task CompatibilityTestsAnswerWithoutRegistering()
    {
        await Register("orders-value", V1);

        Assert.False(await Client.IsCompatibleAsync("orders-value", Avro(Breaking)));
        Assert.True(await Client.IsCompatibleAsync("orders-value", Avro(V2)));
        Assert.Equal(1, (await Client.GetLatestSchemaAsync("orders-value")).Version);
    }

    [Fact]
    public async Task SubjectLevelsOverrideTheGlobalLevel()
    {
        Assert.Equal(Compatibility.Backward, await Client.GetCompatibilityAsync(null!));
        await Client.UpdateCompatibilityAsync(Compatibility.None, "orders-value");
        await Client.UpdateCompatibilityAsync(Compatibility.FullTransitive, null!);

        Assert.Equal(Compatibility.None, await Client.GetCompatibilityAsync("orders-value"));
        Assert.Equal(Compatibility.FullTransitive, await Client.GetCompatibilityAsync("refunds-value"));
        await Register("orders-value", V1);
        Assert.NotEqual(0, await Register("orders-value", Breaking));
    }

    [Theory]
    [InlineData("orders.events-value")]
    [InlineData("orders events_v2-key")]
    public async Task SubjectsKeepTheirCharacters(string subject)
    {
        var id = await Register(subject, V1);

        var latest = await Client.GetLatestSchemaAsync(subject);
        Assert.Equal((subject, 1, id), (latest.Subject, latest.Version, latest.Id));
    }

    private static Task<SchemaRegistryException> Fails<T>(Func<Task<T>> call) => Assert.ThrowsAsync<SchemaRegistryException>(call);
}
