using Confluent.SchemaRegistry;

namespace StreamsApp.Streams.Avro.Tests;

/// <summary>What the contract tests cannot show through HTTP: thread safety, and failing tasks rather than throwing.</summary>
public class InMemorySchemaRegistryTests
{
    private readonly InMemorySchemaRegistry _registry = new();

    [Fact]
    public async Task ConcurrentRegistrationsOfOneSchemaMakeOneVersion()
    {
        var schema = Schemas.PaymentV2WithCurrency.ToString();

        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(
            _ => Task.Run(() => _registry.RegisterSchemaAsync("payments-value", new Schema(schema, SchemaType.Avro)))));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, (await _registry.GetLatestSchemaAsync("payments-value")).Version);
    }

    [Fact]
    public void RegistryErrorsFaultTheTask()
    {
        var task = _registry.GetSchemaAsync(7);

        Assert.True(task.IsFaulted);
        Assert.IsType<SchemaRegistryException>(task.Exception!.InnerException);
    }
}
