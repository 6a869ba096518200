namespace StreamsApp.Streams.Errors;

/// <summary>The base of every error the engine raises.</summary>
public class StreamsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StreamsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StreamsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StreamsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
