using System.Text.Json.Serialization;

namespace StreamsApp.Streams.Avro.Internal;

// The JSON bodies of Confluent Schema Registry's REST API, as StreamsApp.Streams.Avro.AspNetCore's endpoints answer
// Confluent's client.

/// <summary><c>{"schema": "..."}</c>: a schema to register, look up or test; also the answer of <c>GET /schemas/ids/{id}</c>.</summary>
internal sealed record SchemaMessage([property: JsonPropertyName("schema")] string Schema);

/// <summary><c>{"id": 1}</c>: the answer of a registration.</summary>
internal sealed record IdMessage([property: JsonPropertyName("id")] int Id);

/// <summary>A subject's version: the answer of <c>GET /subjects/{s}/versions/latest</c> and <c>POST /subjects/{s}</c>.</summary>
internal sealed record SubjectVersionMessage(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("schema")] string Schema);

/// <summary><c>{"is_compatible": false, "messages": [...]}</c>: the answer of a compatibility test (verbose).</summary>
internal sealed record CompatibilityMessage(
    [property: JsonPropertyName("is_compatible")] bool IsCompatible,
    [property: JsonPropertyName("messages")] IReadOnlyList<string>? Messages);

/// <summary>
/// A compatibility level: <c>PUT /config</c> sends and answers <c>{"compatibility": "FULL"}</c>, <c>GET /config</c>
/// answers <c>{"compatibilityLevel": "FULL"}</c>.
/// </summary>
internal sealed record ConfigMessage(
    [property: JsonPropertyName("compatibility"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Compatibility,
    [property: JsonPropertyName("compatibilityLevel"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? CompatibilityLevel)
{
    [JsonIgnore]
    public string? Level => Compatibility ?? CompatibilityLevel;
}

/// <summary><c>{"error_code": 40401, "message": "..."}</c>: every error answer.</summary>
internal sealed record ErrorMessage(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] string Message);
