namespace StreamsApp.Streams.Errors;

/// <summary>Decides what happens when a processor throws (KIP-1033).</summary>
public interface IProcessingExceptionHandler
{
    /// <summary>Called with the failing record's key and value; the engine has already logged the error.</summary>
    ExceptionHandlerResponse Handle(ErrorHandlerContext context, object? key, object? value, Exception exception);
}
