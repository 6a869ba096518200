namespace StreamsApp.Streams.Errors;

/// <summary>No store of that name exists in the topology: check the name.</summary>
public class UnknownStateStoreException : InvalidStateStoreException
{
    /// <summary>Creates the exception.</summary>
    public UnknownStateStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownStateStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public UnknownStateStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
