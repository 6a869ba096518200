namespace StreamsApp.Streams.Errors;

/// <summary>An interactive query cannot use a state store now; the derived types say why and what to do.</summary>
public class InvalidStateStoreException : StreamsException
{
    /// <summary>Creates the exception.</summary>
    public InvalidStateStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidStateStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidStateStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
