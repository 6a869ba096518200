namespace StreamsApp.Streams.Avro;

/// <summary>
/// The Schema Registry operations the Avro serdes and schema governance need (a subset of Confluent's REST API).
/// Subjects follow TopicNameStrategy in the serdes (<c>&lt;topic&gt;-value</c>, <c>&lt;topic&gt;-key</c>). Errors
/// the registry answers are <see cref="SchemaRegistryException"/>s with its error code.
/// </summary>
public interface ISchemaRegistryClient
{
    /// <summary>
    /// Registers <paramref name="schema"/> under <paramref name="subject"/> as its next version, after checking it
    /// against the subject's compatibility level. Registering a schema the subject already has returns its id and
    /// adds no version.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="schema">The Avro schema as JSON text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The schema's registry-wide id.</returns>
    /// <exception cref="SchemaRegistryException">The schema is invalid (42201) or incompatible (409).</exception>
    Task<int> RegisterSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default);

    /// <summary>Finds the version of <paramref name="subject"/> whose schema is <paramref name="schema"/>.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="schema">The Avro schema as JSON text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version, with its id.</returns>
    /// <exception cref="SchemaRegistryException">The subject (40401) or the schema in it (40403) is unknown.</exception>
    Task<RegisteredSchema> LookupSchemaAsync(
        string subject, string schema, CancellationToken cancellationToken = default);

    /// <summary>Gets the schema with a registry-wide id.</summary>
    /// <param name="id">The id, as read from a record.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The Avro schema as JSON text.</returns>
    /// <exception cref="SchemaRegistryException">No schema has this id (40403).</exception>
    Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Gets the latest version of a subject.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The latest version.</returns>
    /// <exception cref="SchemaRegistryException">The subject is unknown (40401).</exception>
    Task<RegisteredSchema> GetLatestSchemaAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tests whether <paramref name="schema"/> could be registered under <paramref name="subject"/>, per the subject's
    /// compatibility level (or the global one).
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="schema">The Avro schema as JSON text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it is compatible and, if not, why.</returns>
    /// <exception cref="SchemaRegistryException">The subject is unknown (40401) or the schema invalid (42201).</exception>
    Task<CompatibilityCheckResult> TestCompatibilityAsync(
        string subject, string schema, CancellationToken cancellationToken = default);

    /// <summary>Gets the compatibility level in force for a subject, or the global one.</summary>
    /// <param name="subject">The subject, or null for the global level.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The subject's own level when it has one, otherwise the global level.</returns>
    Task<CompatibilityLevel> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default);

    /// <summary>Sets the compatibility level of a subject, or the global one.</summary>
    /// <param name="subject">The subject, or null for the global level.</param>
    /// <param name="level">The level.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the registry has stored the level.</returns>
    Task SetCompatibilityAsync(string? subject, CompatibilityLevel level, CancellationToken cancellationToken = default);
}
