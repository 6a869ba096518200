namespace StreamsApp.Streams.Errors;

/// <summary>A store was queried before the instance was started: start it and wait until it runs.</summary>
public class StreamsNotStartedException : InvalidStateStoreException
{
    /// <summary>Creates the exception.</summary>
    public StreamsNotStartedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StreamsNotStartedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StreamsNotStartedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
