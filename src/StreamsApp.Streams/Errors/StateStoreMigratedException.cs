namespace StreamsApp.Streams.Errors;

/// <summary>The store is not queryable here now — the instance is rebalancing, the task moved, or it is restoring: rediscover its host (QueryMetadataForKey) and retry later.</summary>
public class StateStoreMigratedException : InvalidStateStoreException
{
    /// <summary>Creates the exception.</summary>
    public StateStoreMigratedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StateStoreMigratedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StateStoreMigratedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
