namespace StreamsApp.Streams.Avro;

/// <summary>One version of a subject in a Schema Registry.</summary>
/// <param name="Subject">The subject, such as <c>orders-value</c>.</param>
/// <param name="Version">The version within the subject, from 1.</param>
/// <param name="Id">The registry-wide schema id written into each record.</param>
/// <param name="Schema">The Avro schema as JSON text.</param>
public sealed record RegisteredSchema(string Subject, int Version, int Id, string Schema);
