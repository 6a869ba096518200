using System.Collections.Concurrent;
using StreamsApp.Streams.Avro.Internal;

namespace StreamsApp.Streams.Avro;

/// <summary>
/// A client of a Confluent-compatible Schema Registry over its REST API (<c>POST /subjects/{s}/versions</c>,
/// <c>POST /subjects/{s}</c>, <c>GET /schemas/ids/{id}</c>, <c>GET /subjects/{s}/versions/latest</c>,
/// <c>POST /compatibility/subjects/{s}/versions/latest</c>, <c>GET/PUT /config[/{s}]</c>). Schemas by id and ids by
/// subject and schema never change once registered, so they are cached for the client's lifetime; the latest version,
/// compatibility answers and levels are always asked. Thread-safe.
/// </summary>
public sealed class HttpSchemaRegistryClient : ISchemaRegistryClient, IDisposable
{
    private readonly RegistryTransport _transport;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ConcurrentDictionary<int, string> _schemasById = new();
    private readonly ConcurrentDictionary<(string Subject, string Schema), int> _idsBySchema = new();
    private readonly ConcurrentDictionary<(string Subject, string Schema), RegisteredSchema> _lookups = new();

    /// <summary>Creates the client.</summary>
    /// <param name="options">The registry's URL and the request timeout; validated here.</param>
    /// <param name="httpClient">
    /// The HTTP client to send with (for instance one from <c>IHttpClientFactory</c>), which the caller keeps owning;
    /// null creates one that <see cref="Dispose"/> disposes.
    /// </param>
    public HttpSchemaRegistryClient(SchemaRegistryClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _ownedHttpClient = httpClient is null ? new HttpClient() : null;
        _transport = new RegistryTransport(httpClient ?? _ownedHttpClient!, options.Url!, options.RequestTimeout);
    }

    /// <inheritdoc />
    public async Task<int> RegisterSchemaAsync(
        string subject, string schema, CancellationToken cancellationToken = default)
    {
        CheckArguments(subject, schema);
        if (_idsBySchema.TryGetValue((subject, schema), out int cached))
        {
            return cached;
        }

        var answer = await _transport.SendAsync<IdMessage>(
            HttpMethod.Post, SubjectPath(subject) + "/versions", new SchemaMessage(schema), cancellationToken)
            .ConfigureAwait(false);
        _idsBySchema.TryAdd((subject, schema), answer.Id);
        _schemasById.TryAdd(answer.Id, schema);
        return answer.Id;
    }

    /// <inheritdoc />
    public async Task<RegisteredSchema> LookupSchemaAsync(
        string subject, string schema, CancellationToken cancellationToken = default)
    {
        CheckArguments(subject, schema);
        if (_lookups.TryGetValue((subject, schema), out var cached))
        {
            return cached;
        }

        var found = ToRegistered(await _transport.SendAsync<SubjectVersionMessage>(
            HttpMethod.Post, SubjectPath(subject), new SchemaMessage(schema), cancellationToken).ConfigureAwait(false));
        _lookups.TryAdd((subject, schema), found);
        _schemasById.TryAdd(found.Id, found.Schema);
        return found;
    }

    /// <inheritdoc />
    public async Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default)
    {
        if (_schemasById.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var answer = await _transport.SendAsync<SchemaMessage>(
            HttpMethod.Get, "schemas/ids/" + id.ToInvariantString(), body: null, cancellationToken).ConfigureAwait(false);
        return _schemasById.GetOrAdd(id, answer.Schema);
    }

    /// <inheritdoc />
    public async Task<RegisteredSchema> GetLatestSchemaAsync(
        string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return ToRegistered(await _transport.SendAsync<SubjectVersionMessage>(
            HttpMethod.Get, SubjectPath(subject) + "/versions/latest", body: null, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<CompatibilityCheckResult> TestCompatibilityAsync(
        string subject, string schema, CancellationToken cancellationToken = default)
    {
        CheckArguments(subject, schema);
        var answer = await _transport.SendAsync<CompatibilityMessage>(
            HttpMethod.Post,
            "compatibility/" + SubjectPath(subject) + "/versions/latest?verbose=true",
            new SchemaMessage(schema),
            cancellationToken).ConfigureAwait(false);
        return new CompatibilityCheckResult(answer.IsCompatible, answer.Messages ?? []);
    }

    /// <inheritdoc />
    public async Task<CompatibilityLevel> GetCompatibilityAsync(
        string? subject, CancellationToken cancellationToken = default)
    {
        var answer = await _transport.SendAsync<ConfigMessage>(
            HttpMethod.Get, ConfigPath(subject) + (subject is null ? string.Empty : "?defaultToGlobal=true"), body: null,
            cancellationToken).ConfigureAwait(false);
        return CompatibilityLevelNames.Parse(answer.Level);
    }

    /// <inheritdoc />
    public async Task SetCompatibilityAsync(
        string? subject, CompatibilityLevel level, CancellationToken cancellationToken = default)
    {
        var body = new ConfigMessage(CompatibilityLevelNames.ToName(level), CompatibilityLevel: null);
        await _transport.SendAsync<ConfigMessage>(HttpMethod.Put, ConfigPath(subject), body, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();

    private static void CheckArguments(string subject, string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(schema);
    }

    private static string SubjectPath(string subject) => "subjects/" + Uri.EscapeDataString(subject);

    private static string ConfigPath(string? subject) =>
        subject is null ? "config" : "config/" + Uri.EscapeDataString(subject);

    private static RegisteredSchema ToRegistered(SubjectVersionMessage message) =>
        new(message.Subject, message.Version, message.Id, message.Schema);
}
