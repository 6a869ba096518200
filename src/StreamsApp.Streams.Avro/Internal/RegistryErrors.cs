using System.Net;
using Confluent.SchemaRegistry;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>Confluent's registry exception for an error code, with the HTTP status that goes with it.</summary>
internal static class RegistryErrors
{
    public static SchemaRegistryException Of(int errorCode, string message) => new(message, Status(errorCode), errorCode);

    /// <summary>The HTTP status of an error code: its first three digits (40401 is a 404), or the code itself (409).</summary>
    public static HttpStatusCode Status(int errorCode) => (HttpStatusCode)(errorCode < 1000 ? errorCode : errorCode / 100);

    /// <summary>
    /// Whether a registry call's failure is the serde's to report, with the topic: anything the client throws (the
    /// registry refused, could not be reached, did not answer in time, or the client itself failed), but not the
    /// process running out of memory.
    /// </summary>
    public static bool IsRegistryFailure(Exception error) => error is not (OutOfMemoryException or InsufficientExecutionStackException);
}
