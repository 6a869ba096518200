namespace StreamsApp.Streams.Errors;

/// <summary>The queried partition does not exist for the store: check the partition against the store's partition count.</summary>
public class InvalidStateStorePartitionException : InvalidStateStoreException
{
    /// <summary>Creates the exception.</summary>
    public InvalidStateStorePartitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidStateStorePartitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidStateStorePartitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
