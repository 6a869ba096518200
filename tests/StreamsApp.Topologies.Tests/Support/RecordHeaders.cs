using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Topologies.Tests.Support;

internal static class RecordHeaders
{
    /// <summary>The last value of a header as UTF-8 text, or null when the record does not carry it.</summary>
    public static string? Text(this Headers headers, string name) =>
        headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
