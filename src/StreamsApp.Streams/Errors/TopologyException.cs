namespace StreamsApp.Streams.Errors;

/// <summary>A topology that cannot be built or run: a bad name, a missing parent, a type mismatch, a missing serde.</summary>
public class TopologyException : StreamsException
{
    /// <summary>Creates the exception.</summary>
    public TopologyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TopologyException(string message)
        : base("Invalid topology: " + message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TopologyException(string message, Exception innerException)
        : base("Invalid topology: " + message, innerException)
    {
    }
}
