namespace StreamsApp.Streams.Avro;

/// <summary>
/// Confluent Schema Registry's error codes, as carried by <see cref="SchemaRegistryException.ErrorCode"/>. The HTTP
/// status is the code's first three digits (40401 is a 404), except <see cref="IncompatibleSchema"/>, which is 409.
/// </summary>
public static class SchemaRegistryErrorCodes
{
    /// <summary>The subject has no versions.</summary>
    public const int SubjectNotFound = 40401;

    /// <summary>The subject has no such version.</summary>
    public const int VersionNotFound = 40402;

    /// <summary>No schema has this id, or the subject has no version with this schema.</summary>
    public const int SchemaNotFound = 40403;

    /// <summary>The schema breaks the subject's compatibility level.</summary>
    public const int IncompatibleSchema = 409;

    /// <summary>The text is not a valid Avro schema.</summary>
    public const int InvalidSchema = 42201;

    /// <summary>The compatibility level is not one the registry knows.</summary>
    public const int InvalidCompatibilityLevel = 42203;

    /// <summary>The registry failed internally.</summary>
    public const int InternalError = 50001;
}
