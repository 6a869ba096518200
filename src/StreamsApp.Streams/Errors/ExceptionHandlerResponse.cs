namespace StreamsApp.Streams.Errors;

/// <summary>What an exception handler decides for a failed record.</summary>
public enum ExceptionHandlerResponse
{
    /// <summary>Stop processing: the task fails and the error reaches the stream thread.</summary>
    Fail,

    /// <summary>Drop the record (counted in the dropped-records metric) and go on with the next one.</summary>
    Continue,
}
