namespace StreamsApp.Streams.Avro.Tests;

/// <summary>Counts the calls that reach a registry, to show which serde paths are served from cache.</summary>
internal sealed class CountingRegistry(ISchemaRegistryClient inner) : ISchemaRegistryClient
{
    public int Calls { get; private set; }

    public Task<int> RegisterSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default) =>
        Count(inner.RegisterSchemaAsync(subject, schema, cancellationToken));

    public Task<RegisteredSchema> LookupSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default) =>
        Count(inner.LookupSchemaAsync(subject, schema, cancellationToken));

    public Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default) =>
        Count(inner.GetSchemaAsync(id, cancellationToken));

    public Task<RegisteredSchema> GetLatestSchemaAsync(string subject, CancellationToken cancellationToken = default) =>
        Count(inner.GetLatestSchemaAsync(subject, cancellationToken));

    public Task<CompatibilityCheckResult> TestCompatibilityAsync(string subject, string schema, CancellationToken cancellationToken = default) =>
        Count(inner.TestCompatibilityAsync(subject, schema, cancellationToken));

    public Task<CompatibilityLevel> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default) =>
        Count(inner.GetCompatibilityAsync(subject, cancellationToken));

    public Task SetCompatibilityAsync(string? subject, CompatibilityLevel level, CancellationToken cancellationToken = default) =>
        Count(inner.SetCompatibilityAsync(subject, level, cancellationToken));

    private T Count<T>(T task)
    {
        Calls++;
        return task;
    }
}
