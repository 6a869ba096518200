namespace StreamsApp.Streams.Processing;

/// <summary>A handle to a scheduled punctuation.</summary>
public interface ICancellable
{
    /// <summary>Stops future punctuations; a punctuation running now completes.</summary>
    void Cancel();
}
