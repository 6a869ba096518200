using Confluent.SchemaRegistry;

namespace StreamsApp.Streams.Avro.Tests;

public class InMemoryRegistryContractTests : RegistryContractTests
{
    protected override ISchemaRegistryClient Client { get; } = new InMemorySchemaRegistry();
}
