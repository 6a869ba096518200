using System.Net;
using Confluent.SchemaRegistry;
using StreamsApp.Streams.Avro.Internal;
using AvroSchema = Avro.Schema;

namespace StreamsApp.Streams.Avro;

/// <summary>
/// A Schema Registry in the process, behind Confluent's own <see cref="ISchemaRegistryClient"/>, with the registry's
/// semantics: ids are registry-wide and stable (the same schema under two subjects has one id), versions count per
/// subject from 1, registering checks the subject's compatibility level (BACKWARD unless set) with
/// <see cref="AvroCompatibility"/>, deletes are soft first and permanent after, and errors are Confluent's
/// <see cref="SchemaRegistryException"/> with its error codes, so an HTTP front end only maps routes. Avro schemas only,
/// without references, rules or metadata; those members throw <see cref="NotSupportedException"/>. Thread-safe; data
/// lives as long as the instance.
/// </summary>
public sealed class InMemorySchemaRegistry : ISchemaRegistryClient
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Version>> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Compatibility> _subjectLevels = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _schemasById = [];
    private readonly Dictionary<string, int> _idsByCanonical = new(StringComparer.Ordinal);
    private Compatibility _globalLevel = Compatibility.Backward;

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Config => [];

    /// <inheritdoc />
    public IAuthenticationHeaderValueProvider AuthHeaderProvider => null!;

    /// <inheritdoc />
    public IWebProxy Proxy => null!;

    /// <inheritdoc />
    public int MaxCachedSchemas => int.MaxValue;

    /// <inheritdoc />
    public Task<int> RegisterSchemaAsync(string subject, string avroSchema, bool normalize = false) =>
        Complete(() => Register(subject, avroSchema).Id);

    /// <inheritdoc />
    public Task<int> RegisterSchemaAsync(string subject, Schema schema, bool normalize = false) =>
        Complete(() => Register(subject, AvroText(schema)).Id);

    /// <inheritdoc />
    public Task<RegisteredSchema> RegisterSchemaWithResponseAsync(string subject, Schema schema, bool normalize = false) =>
        Complete(() => Register(subject, AvroText(schema)));

    /// <inheritdoc />
    public Task<int> GetSchemaIdAsync(string subject, string avroSchema, bool normalize = false) =>
        Complete(() => Lookup(subject, avroSchema, includeDeleted: false).Id);

    /// <inheritdoc />
    public Task<int> GetSchemaIdAsync(string subject, Schema schema, bool normalize = false) =>
        Complete(() => Lookup(subject, AvroText(schema), includeDeleted: false).Id);

    /// <inheritdoc />
    public Task<Schema> GetSchemaAsync(int id, string format = null!) => Complete(() => new Schema(SchemaText(id), SchemaType.Avro));

    /// <inheritdoc />
    public Task<Schema> GetSchemaBySubjectAndIdAsync(string subject, int id, string format = null!) => GetSchemaAsync(id, format);

    /// <inheritdoc />
    public Task<Schema> GetSchemaByGuidAsync(string guid, string format = null!) =>
        throw new NotSupportedException("This registry identifies schemas by id only, not by GUID");

    /// <inheritdoc />
    public Task<RegisteredSchema> LookupSchemaAsync(string subject, Schema schema, bool ignoreDeletedSchemas, bool normalize = false) =>
        Complete(() => Lookup(subject, AvroText(schema), includeDeleted: !ignoreDeletedSchemas));

    /// <inheritdoc />
    public Task<RegisteredSchema> GetRegisteredSchemaAsync(string subject, int version, bool ignoreDeletedSchemas = true) =>
        Complete(() => GetVersion(subject, version, includeDeleted: !ignoreDeletedSchemas));

    /// <inheritdoc />
    [Obsolete("Superseded by GetRegisteredSchemaAsync(string, int, bool)")]
    public Task<string> GetSchemaAsync(string subject, int version) =>
        Complete(() => GetVersion(subject, version, includeDeleted: false).SchemaString);

    /// <inheritdoc />
    public Task<RegisteredSchema> GetLatestSchemaAsync(string subject) => Complete(() => GetVersion(subject, version: -1, includeDeleted: false));

    /// <inheritdoc />
    public Task<RegisteredSchema> GetLatestWithMetadataAsync(string subject, IDictionary<string, string> metadata, bool ignoreDeletedSchemas) =>
        throw new NotSupportedException("This registry keeps no schema metadata");

    /// <inheritdoc />
    public Task<List<string>> GetAllSubjectsAsync() => Complete(() => Subjects(includeDeleted: false));

    /// <inheritdoc />
    public Task<List<int>> GetSubjectVersionsAsync(string subject) => Complete(() => VersionNumbers(subject, includeDeleted: false));

    /// <inheritdoc />
    public Task<bool> IsCompatibleAsync(string subject, string avroSchema) => Complete(() => TestCompatibility(subject, avroSchema).IsCompatible);

    /// <inheritdoc />
    public Task<bool> IsCompatibleAsync(string subject, Schema schema) => IsCompatibleAsync(subject, AvroText(schema));

    /// <inheritdoc />
    [Obsolete("Subject names come from the serializers' subject name strategies")]
    public string ConstructKeySubjectName(string topic, string recordType = null!) => topic + "-key";

    /// <inheritdoc />
    [Obsolete("Subject names come from the serializers' subject name strategies")]
    public string ConstructValueSubjectName(string topic, string recordType = null!) => topic + "-value";

    /// <inheritdoc />
    public Task<Compatibility> GetCompatibilityAsync(string subject = null!) => Complete(() => LevelOf(subject));

    /// <inheritdoc />
    public Task<Compatibility> UpdateCompatibilityAsync(Compatibility compatibility, string subject = null!) =>
        Complete(() => SetCompatibility(subject, compatibility));

    /// <summary>Nothing to clear: every answer comes from the registry's own state.</summary>
    public void ClearLatestCaches()
    {
    }

    /// <summary>Nothing to clear: every answer comes from the registry's own state.</summary>
    public void ClearCaches()
    {
    }

    /// <inheritdoc />
    public Task<List<Association>> GetAssociationsByResourceNameAsync(
        string resourceName, string resourceNamespace, string resourceType, List<string> associationTypes, string lifecycle, int offset, int limit) =>
        throw new NotSupportedException("This registry keeps no associations");

    /// <inheritdoc />
    public Task<AssociationResponse> CreateAssociationAsync(AssociationCreateOrUpdateRequest request) =>
        throw new NotSupportedException("This registry keeps no associations");

    /// <inheritdoc />
    public Task DeleteAssociationsAsync(string resourceId, string resourceType, List<string> associationTypes, bool cascadeLifecycle) =>
        throw new NotSupportedException("This registry keeps no associations");

    /// <summary>
    /// Tests whether <paramref name="schema"/> could be registered under <paramref name="subject"/>, and if not, why:
    /// what the registry's verbose compatibility check answers.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="schema">The Avro schema as JSON text.</param>
    /// <exception cref="SchemaRegistryException">The subject is unknown (40401) or the schema invalid (42201).</exception>
    public CompatibilityCheckResult TestCompatibility(string subject, string schema)
    {
        var parsed = Parse(subject, schema);
        lock (_lock)
        {
            var incompatibilities = Check(subject, parsed, Live(subject));
            return new CompatibilityCheckResult(incompatibilities.Count == 0, [.. incompatibilities.Select(i => i.ToString())]);
        }
    }

    /// <summary>Every subject with a version left, and with <paramref name="includeDeleted"/> those deleted (soft) too.</summary>
    /// <param name="includeDeleted">Whether subjects whose versions are all deleted (soft) are listed.</param>
    public List<string> Subjects(bool includeDeleted)
    {
        lock (_lock)
        {
            return [.. _subjects.Where(s => includeDeleted || s.Value.Any(v => !v.Deleted)).Select(s => s.Key).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>A subject's version numbers, oldest first.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="includeDeleted">Whether versions deleted (soft) are listed.</param>
    /// <exception cref="SchemaRegistryException">The subject is unknown (40401).</exception>
    public List<int> VersionNumbers(string subject, bool includeDeleted)
    {
        lock (_lock)
        {
            var versions = All(subject).Where(v => includeDeleted || !v.Deleted).Select(v => v.Registered.Version).ToList();
            return versions.Count > 0 ? versions : throw SubjectNotFound(subject);
        }
    }

    /// <summary>
    /// Deletes a subject's versions: soft (they stay readable by id and listable with <c>deleted</c>), or, once soft
    /// deleted, permanently.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="permanent">Whether to remove versions deleted (soft) before.</param>
    /// <returns>The versions deleted.</returns>
    /// <exception cref="SchemaRegistryException">Unknown (40401), deleted already (40404), or not soft deleted first (40405).</exception>
    public List<int> DeleteSubject(string subject, bool permanent)
    {
        lock (_lock)
        {
            var versions = All(subject);
            if (permanent)
            {
                if (versions.Any(v => !v.Deleted))
                {
                    throw RegistryErrors.Of(SchemaRegistryErrorCodes.SubjectNotSoftDeleted, $"Subject '{subject}' was not deleted first before being permanently deleted");
                }

                _subjects.Remove(subject);
                _subjectLevels.Remove(subject);
                return [.. versions.Select(v => v.Registered.Version)];
            }

            var live = versions.Where(v => !v.Deleted).ToList();
            if (live.Count == 0)
            {
                throw RegistryErrors.Of(SchemaRegistryErrorCodes.SubjectSoftDeleted, $"Subject '{subject}' was soft deleted");
            }

            live.ForEach(v => v.Deleted = true);
            return [.. live.Select(v => v.Registered.Version)];
        }
    }

    /// <summary>Deletes one version, soft or, once soft deleted, permanently (<c>-1</c> is the latest).</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="version">The version, or -1 for the latest.</param>
    /// <param name="permanent">Whether to remove a version deleted (soft) before.</param>
    /// <returns>The version deleted.</returns>
    /// <exception cref="SchemaRegistryException">Unknown (40401, 40402), deleted already (40406), or not soft deleted first (40407).</exception>
    public int DeleteVersion(string subject, int version, bool permanent)
    {
        lock (_lock)
        {
            var found = Find(subject, version, includeDeleted: permanent);
            if (permanent)
            {
                if (!found.Deleted)
                {
                    throw RegistryErrors.Of(
                        SchemaRegistryErrorCodes.VersionNotSoftDeleted, $"Version {found.Registered.Version} of subject '{subject}' was not deleted first before being permanently deleted");
                }

                All(subject).Remove(found);
            }

            found.Deleted = true;
            return found.Registered.Version;
        }
    }

    /// <summary>Disposes nothing: the registry holds no connections.</summary>
    public void Dispose()
    {
    }

    // The registry answers at once; errors still fault the task rather than throw, as a remote registry's would.
    private static Task<T> Complete<T>(Func<T> operation)
    {
        try
        {
            return Task.FromResult(operation());
        }
        catch (SchemaRegistryException ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private static string AvroText(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.SchemaType == SchemaType.Avro && (schema.References is null || schema.References.Count == 0)
            ? schema.SchemaString
            : throw RegistryErrors.Of(SchemaRegistryErrorCodes.InvalidSchema, $"Only Avro schemas without references are kept here, not {schema.SchemaType}");
    }

    private RegisteredSchema Register(string subject, string schema)
    {
        var parsed = Parse(subject, schema);
        var canonical = AvroSchemaText.Canonical(parsed);
        lock (_lock)
        {
            var versions = _subjects.GetValueOrDefault(subject) ?? [];
            if (versions.Find(v => !v.Deleted && v.Canonical == canonical) is { } existing)
            {
                return existing.Registered;
            }

            var incompatibilities = Check(subject, parsed, versions.Where(v => !v.Deleted).ToList());
            if (incompatibilities.Count > 0)
            {
                throw RegistryErrors.Of(
                    SchemaRegistryErrorCodes.IncompatibleSchema,
                    $"Schema being registered is incompatible with an earlier schema for subject '{subject}': {string.Join("; ", incompatibilities)}");
            }

            if (!_idsByCanonical.TryGetValue(canonical, out var id))
            {
                id = _schemasById.Count + 1;
                _idsByCanonical.Add(canonical, id);
                _schemasById.Add(id, schema);
            }

            var number = versions.Count == 0 ? 1 : versions[^1].Registered.Version + 1;
            var registered = new RegisteredSchema(subject, number, id, schema, SchemaType.Avro, []);
            versions.Add(new Version(registered, parsed, canonical));
            _subjects[subject] = versions;
            return registered;
        }
    }

    private RegisteredSchema Lookup(string subject, string schema, bool includeDeleted)
    {
        var canonical = AvroSchemaText.Canonical(Parse(subject, schema));
        lock (_lock)
        {
            return All(subject).FindLast(v => v.Canonical == canonical && (includeDeleted || !v.Deleted))?.Registered
                ?? throw RegistryErrors.Of(SchemaRegistryErrorCodes.SchemaNotFound, $"Schema not found under subject '{subject}'");
        }
    }

    private string SchemaText(int id)
    {
        lock (_lock)
        {
            return _schemasById.TryGetValue(id, out var schema)
                ? schema
                : throw RegistryErrors.Of(SchemaRegistryErrorCodes.SchemaNotFound, "Schema " + id.ToInvariantString() + " not found");
        }
    }

    private RegisteredSchema GetVersion(string subject, int version, bool includeDeleted)
    {
        lock (_lock)
        {
            return Find(subject, version, includeDeleted).Registered;
        }
    }

    // Version -1 is the latest (of those counted).
    private Version Find(string subject, int version, bool includeDeleted)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var versions = All(subject);
        var candidates = versions.Where(v => includeDeleted || !v.Deleted).ToList();
        if (version == -1)
        {
            return candidates.Count > 0 ? candidates[^1] : throw SubjectNotFound(subject);
        }

        if (version < 1)
        {
            throw RegistryErrors.Of(SchemaRegistryErrorCodes.InvalidVersion, $"The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }

        return candidates.Find(v => v.Registered.Version == version)
            ?? throw (versions.Exists(v => v.Registered.Version == version)
                ? RegistryErrors.Of(SchemaRegistryErrorCodes.VersionSoftDeleted, $"Version {version} of subject '{subject}' was soft deleted")
                : RegistryErrors.Of(SchemaRegistryErrorCodes.VersionNotFound, $"Version {version} not found"));
    }

    private Compatibility SetCompatibility(string? subject, Compatibility level)
    {
        if (!Enum.IsDefined(level))
        {
            throw RegistryErrors.Of(SchemaRegistryErrorCodes.InvalidCompatibilityLevel, "Invalid compatibility level " + level);
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

    private static AvroSchema Parse(string subject, string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        return AvroSchemaText.Parse(schema);
    }

    private static SchemaRegistryException SubjectNotFound(string subject) =>
        RegistryErrors.Of(SchemaRegistryErrorCodes.SubjectNotFound, $"Subject '{subject}' not found");

    private List<Version> All(string subject) => _subjects.TryGetValue(subject, out var versions) ? versions : throw SubjectNotFound(subject);

    private List<Version> Live(string subject) => All(subject).Where(v => !v.Deleted).ToList() is { Count: > 0 } live ? live : throw SubjectNotFound(subject);

    private Compatibility LevelOf(string? subject)
    {
        lock (_lock)
        {
            return subject is not null && _subjectLevels.TryGetValue(subject, out var level) ? level : _globalLevel;
        }
    }

    private IReadOnlyList<SchemaIncompatibility> Check(string subject, AvroSchema candidate, List<Version> versions) =>
        AvroCompatibility.Check(LevelOf(subject), candidate, [.. versions.Select(v => v.Parsed)]);

    private sealed record Version(RegisteredSchema Registered, AvroSchema Parsed, string Canonical)
    {
        public bool Deleted { get; set; }
    }
}
