namespace StreamsApp.Streams.Errors;

/// <summary>What an exception handler decides for a failed record.</summary>
public enum ExceptionHandlerResponse
{
    /// <summary>Stop processing: the task fails and the error reaches the stream thread.</summary>
    Fail,

    /// <summary>Drop the record (counted in the dropped-records metric) and go on with the next one.</summary>
    Continue,

    /// <summary>
    /// Write the source record that caused the failure, with its original key, value and headers and the
    /// <see cref="DeadLetterHeaders"/>, to <c>&lt;source topic&gt;.DLT</c> (see <see cref="DeadLetterTopic"/>), count it in the
    /// dead-letter-records metric and go on with the next one. When no source record is known (a failure inside a
    /// punctuation), <see cref="StreamsConfig.DeadLetterFallback"/> applies instead.
    /// </summary>
    DeadLetter,
}
