using Avro;
using StreamsApp.Streams.Avro.Internal;

namespace StreamsApp.Streams.Avro;

/// <summary>
/// A Schema Registry in the process, with Confluent's semantics: ids are registry-wide and stable (the same schema
/// under two subjects has one id), versions count per subject from 1, registering checks the subject's
/// compatibility level (BACKWARD unless set), and errors carry Confluent's error codes, so an HTTP front end only
/// maps routes and <see cref="SchemaRegistryException.HttpStatusCode"/>. Thread-safe; data lives as long as the
/// instance.
/// </summary>
public sealed class InMemorySchemaRegistry : ISchemaRegistryClient
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Version>> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompatibilityLevel> _subjectLevels = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _schemasById = [];
    private readonly Dictionary<string, int> _idsByCanonical = new(StringComparer.Ordinal);
    private CompatibilityLevel _globalLevel = CompatibilityLevel.Backward;

    /// <inheritdoc />
    public Task<int> RegisterSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default) =>
        Complete(() => Register(subject, schema), cancellationToken);

    /// <inheritdoc />
    public Task<RegisteredSchema> LookupSchemaAsync(
        string subject, string schema, CancellationToken cancellationToken = default) =>
        Complete(() => Lookup(subject, schema), cancellationToken);

    /// <inheritdoc />
    public Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default) =>
        Complete(() => GetSchema(id), cancellationToken);

    /// <inheritdoc />
    public Task<RegisteredSchema> GetLatestSchemaAsync(string subject, CancellationToken cancellationToken = default) =>
        Complete(() => GetLatest(subject), cancellationToken);

    /// <inheritdoc />
    public Task<CompatibilityCheckResult> TestCompatibilityAsync(
        string subject, string schema, CancellationToken cancellationToken = default) =>
        Complete(() => TestCompatibility(subject, schema), cancellationToken);

    /// <inheritdoc />
    public Task<CompatibilityLevel> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default) =>
        Complete(() => GetCompatibility(subject), cancellationToken);

    /// <inheritdoc />
    public Task SetCompatibilityAsync(
        string? subject, CompatibilityLevel level, CancellationToken cancellationToken = default) =>
        Complete(() => SetCompatibility(subject, level), cancellationToken);

    // The registry answers at once; errors still fault the task rather than throw, as a remote registry's would.
    private static Task<T> Complete<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(operation());
        }
        catch (SchemaRegistryException ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private int Register(string subject, string schema)
    {
        var parsed = Parse(subject, schema);
        var canonical = AvroSchemaText.Canonical(parsed);
        lock (_lock)
        {
            var versions = _subjects.GetValueOrDefault(subject) ?? [];
            var existing = versions.Find(v => v.Canonical == canonical);
            if (existing is not null)
            {
                return existing.Registered.Id;
            }

            var incompatibilities = Check(subject, parsed, versions);
            if (incompatibilities.Count > 0)
            {
                throw new SchemaRegistryException(
                    SchemaRegistryErrorCodes.IncompatibleSchema,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject + "': "
                        + string.Join("; ", incompatibilities));
            }

            if (!_idsByCanonical.TryGetValue(canonical, out int id))
            {
                id = _schemasById.Count + 1;
                _idsByCanonical.Add(canonical, id);
                _schemasById.Add(id, schema);
            }

            versions.Add(new Version(new RegisteredSchema(subject, versions.Count + 1, id, schema), parsed, canonical));
            _subjects[subject] = versions;
            return id;
        }
    }

    private RegisteredSchema Lookup(string subject, string schema)
    {
        var canonical = AvroSchemaText.Canonical(Parse(subject, schema));
        lock (_lock)
        {
            return Versions(subject).Find(v => v.Canonical == canonical)?.Registered
                ?? throw new SchemaRegistryException(
                    SchemaRegistryErrorCodes.SchemaNotFound, "Schema not found under subject '" + subject + "'");
        }
    }

    private string GetSchema(int id)
    {
        lock (_lock)
        {
            return _schemasById.TryGetValue(id, out var schema)
                ? schema
                : throw new SchemaRegistryException(
                    SchemaRegistryErrorCodes.SchemaNotFound, "Schema " + id.ToInvariantString() + " not found");
        }
    }

    private RegisteredSchema GetLatest(string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        lock (_lock)
        {
            return Versions(subject)[^1].Registered;
        }
    }

    private CompatibilityCheckResult TestCompatibility(string subject, string schema)
    {
        var parsed = Parse(subject, schema);
        lock (_lock)
        {
            var incompatibilities = Check(subject, parsed, Versions(subject));
            return new CompatibilityCheckResult(
                incompatibilities.Count == 0, [.. incompatibilities.Select(i => i.ToString())]);
        }
    }

    private CompatibilityLevel GetCompatibility(string? subject)
    {
        lock (_lock)
        {
            return LevelOf(subject);
        }
    }

    private CompatibilityLevel SetCompatibility(string? subject, CompatibilityLevel level)
    {
        if (!Enum.IsDefined(level))
        {
            throw new SchemaRegistryException(
                SchemaRegistryErrorCodes.InvalidCompatibilityLevel, "Invalid compatibility level " + level);
        }

        lock (_lock)
        {
            if (subject is null)
            {
                _globalLevel = level;
            }
            else
            {
                _subjectLevels[subject] = level;
            }
        }

        return level;
    }

    private static Schema Parse(string subject, string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        return AvroSchemaText.Parse(schema);
    }

    private List<Version> Versions(string subject) =>
        _subjects.TryGetValue(subject, out var versions)
            ? versions
            : throw new SchemaRegistryException(
                SchemaRegistryErrorCodes.SubjectNotFound, "Subject '" + subject + "' not found");

    private CompatibilityLevel LevelOf(string? subject) =>
        subject is not null && _subjectLevels.TryGetValue(subject, out var level) ? level : _globalLevel;

    private IReadOnlyList<SchemaIncompatibility> Check(string subject, Schema candidate, List<Version> versions) =>
        AvroCompatibility.Check(LevelOf(subject), candidate, [.. versions.Select(v => v.Parsed)]);

    private sealed record Version(RegisteredSchema Registered, Schema Parsed, string Canonical);
}
