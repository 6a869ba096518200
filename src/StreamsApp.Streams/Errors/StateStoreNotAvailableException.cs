namespace StreamsApp.Streams.Errors;

/// <summary>The store is gone for good on this instance: it is shutting down, closed, or failed.</summary>
public class StateStoreNotAvailableException : InvalidStateStoreException
{
    /// <summary>Creates the exception.</summary>
    public StateStoreNotAvailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StateStoreNotAvailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StateStoreNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
