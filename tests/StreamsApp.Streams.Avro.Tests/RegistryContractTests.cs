using Avro;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>
/// What every <see cref="ISchemaRegistryClient"/> does, run against the in-memory registry directly and through the
/// HTTP client and a real HTTP server in front of it.
/// </summary>
public abstract class RegistryContractTests
{
    private static readonly string V1 = Schemas.Record("""[{"name": "id", "type": "string"}]""").ToString();
    private static readonly string V2 = Schemas.Record("""[{"name": "id", "type": "string"}, {"name": "currency", "type": "string", "default": "EUR"}]""").ToString();
    private static readonly string Breaking = Schemas.Record("""[{"name": "id", "type": "string"}, {"name": "reference", "type": "string"}]""").ToString();

    protected abstract ISchemaRegistryClient Client { get; }

    [Fact]
    public async Task RegisteringTheSameSchemaAgainReturnsItsIdAndAddsNoVersion()
    {
        int id = await Client.RegisterSchemaAsync("orders-value", V1);
        int again = await Client.RegisterSchemaAsync("orders-value", Schema.Parse(V1).ToString());

        Assert.Equal(id, again);
        Assert.Equal(1, (await Client.GetLatestSchemaAsync("orders-value")).Version);
    }

    [Fact]
    public async Task VersionsCountPerSubjectAndIdsAreRegistryWide()
    {
        int v1 = await Client.RegisterSchemaAsync("orders-value", V1);
        int v2 = await Client.RegisterSchemaAsync("orders-value", V2);
        int shared = await Client.RegisterSchemaAsync("refunds-value", V2);

        Assert.NotEqual(v1, v2);
        Assert.Equal(v2, shared);
        Assert.Equal(new RegisteredSchema("orders-value", 2, v2, V2), await Client.GetLatestSchemaAsync("orders-value"));
        Assert.Equal(1, (await Client.GetLatestSchemaAsync("refunds-value")).Version);
    }

    [Fact]
    public async Task SchemasAreFoundByIdAndBySubject()
    {
        int id = await Client.RegisterSchemaAsync("orders-value", V1);

        Assert.Equal(Schema.Parse(V1), Schema.Parse(await Client.GetSchemaAsync(id)));
        Assert.Equal(new RegisteredSchema("orders-value", 1, id, V1), await Client.LookupSchemaAsync("orders-value", V1));
    }

    [Fact]
    public async Task UnknownIdsSubjectsAndSchemasAreTheRegistrysErrors()
    {
        await Client.RegisterSchemaAsync("orders-value", V1);

        Assert.Equal(SchemaRegistryErrorCodes.SchemaNotFound, (await Fails(() => Client.GetSchemaAsync(999))).ErrorCode);
        Assert.Equal(SchemaRegistryErrorCodes.SubjectNotFound, (await Fails(() => Client.GetLatestSchemaAsync("nope-value"))).ErrorCode);
        Assert.Equal(SchemaRegistryErrorCodes.SubjectNotFound, (await Fails(() => Client.LookupSchemaAsync("nope-value", V1))).ErrorCode);
        Assert.Equal(SchemaRegistryErrorCodes.SchemaNotFound, (await Fails(() => Client.LookupSchemaAsync("orders-value", V2))).ErrorCode);
    }

    [Fact]
    public async Task AnInvalidSchemaIsRejected()
    {
        var ex = await Fails(() => Client.RegisterSchemaAsync("orders-value", """{"type": "record", "name": "X"}"""));

        Assert.Equal(SchemaRegistryErrorCodes.InvalidSchema, ex.ErrorCode);
    }

    [Fact]
    public async Task RegisteringEnforcesBackwardCompatibilityByDefault()
    {
        await Client.RegisterSchemaAsync("orders-value", V1);

        var ex = await Fails(() => Client.RegisterSchemaAsync("orders-value", Breaking));

        Assert.Equal(SchemaRegistryErrorCodes.IncompatibleSchema, ex.ErrorCode);
        Assert.Equal(409, ex.HttpStatusCode);
        Assert.Contains("/fields/reference: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await Client.GetLatestSchemaAsync("orders-value")).Version);
    }

    [Fact]
    public async Task CompatibilityTestsAnswerWithoutRegistering()
    {
        await Client.RegisterSchemaAsync("orders-value", V1);

        var breaking = await Client.TestCompatibilityAsync("orders-value", Breaking);
        var evolving = await Client.TestCompatibilityAsync("orders-value", V2);

        Assert.False(breaking.IsCompatible);
        Assert.Contains(breaking.Messages, m => m.StartsWith("/fields/reference: ", StringComparison.Ordinal));
        Assert.True(evolving.IsCompatible);
        Assert.Empty(evolving.Messages);
        Assert.Equal(1, (await Client.GetLatestSchemaAsync("orders-value")).Version);
    }

    [Fact]
    public async Task SubjectLevelsOverrideTheGlobalLevel()
    {
        Assert.Equal(CompatibilityLevel.Backward, await Client.GetCompatibilityAsync(null));
        await Client.SetCompatibilityAsync("orders-value", CompatibilityLevel.None);
        await Client.SetCompatibilityAsync(null, CompatibilityLevel.FullTransitive);

        Assert.Equal(CompatibilityLevel.None, await Client.GetCompatibilityAsync("orders-value"));
        Assert.Equal(CompatibilityLevel.FullTransitive, await Client.GetCompatibilityAsync("refunds-value"));
        await Client.RegisterSchemaAsync("orders-value", V1);
        Assert.NotEqual(0, await Client.RegisterSchemaAsync("orders-value", Breaking));
    }

    private static Task<SchemaRegistryException> Fails<T>(Func<Task<T>> call) => Assert.ThrowsAsync<SchemaRegistryException>(call);
}
