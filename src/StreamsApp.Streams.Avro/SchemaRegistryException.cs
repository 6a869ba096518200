namespace StreamsApp.Streams.Avro;

/// <summary>
/// A Schema Registry refused a request (unknown id or subject, incompatible or invalid schema), or could not be
/// reached.
/// </summary>
public sealed class SchemaRegistryException : Exception
{
    /// <summary>Creates the exception for an error the registry answered.</summary>
    /// <param name="errorCode">The registry's error code (see <see cref="SchemaRegistryErrorCodes"/>).</param>
    /// <param name="message">The registry's message.</param>
    public SchemaRegistryException(int errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception for a registry that did not answer.</summary>
    /// <param name="message">What failed; it names the registry's URL.</param>
    /// <param name="innerException">The transport error.</param>
    public SchemaRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no error code.</summary>
    public SchemaRegistryException()
    {
    }

    /// <summary>Creates the exception with a message and no error code.</summary>
    /// <param name="message">What failed.</param>
    public SchemaRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>The registry's error code, or null when the registry did not answer.</summary>
    public int? ErrorCode { get; }

    /// <summary>
    /// The HTTP status a registry answers with for <see cref="ErrorCode"/>: 404 for 40401, 409 for 409; 500 when
    /// there is no code.
    /// </summary>
    public int HttpStatusCode => ErrorCode switch
    {
        null => 500,
        < 1000 => ErrorCode.Value,
        _ => ErrorCode.Value / 100,
    };
}
