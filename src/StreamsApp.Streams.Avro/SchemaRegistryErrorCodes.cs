namespace StreamsApp.Streams.Avro;

/// <summary>
/// Confluent Schema Registry's error codes, as carried by <see cref="Confluent.SchemaRegistry.SchemaRegistryException.ErrorCode"/>. The HTTP
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

    /// <summary>The subject's versions were all deleted (soft), and the request did not ask for deleted ones.</summary>
    public const int SubjectSoftDeleted = 40404;

    /// <summary>A permanent delete of a subject that was not deleted (soft) first.</summary>
    public const int SubjectNotSoftDeleted = 40405;

    /// <summary>The version was deleted (soft).</summary>
    public const int VersionSoftDeleted = 40406;

    /// <summary>A permanent delete of a version that was not deleted (soft) first.</summary>
    public const int VersionNotSoftDeleted = 40407;

    /// <summary>The schema breaks the subject's compatibility level.</summary>
    public const int IncompatibleSchema = 409;

    /// <summary>The text is not a valid Avro schema.</summary>
    public const int InvalidSchema = 42201;

    /// <summary>The version is neither a positive number nor <c>latest</c>.</summary>
    public const int InvalidVersion = 42202;

    /// <summary>The compatibility level is not one the registry knows.</summary>
    public const int InvalidCompatibilityLevel = 42203;

    /// <summary>No such route (Confluent's registry answers its unknown paths with the HTTP status as the code).</summary>
    public const int NotFound = 404;

    /// <summary>The registry failed internally.</summary>
    public const int InternalError = 50001;
}
