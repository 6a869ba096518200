using Confluent.Kafka;

namespace StreamsApp.Streams.Testing.Internal;

/// <summary>
/// Copies headers where a broker would: a producer serializes a record's headers when it sends it and a consumer
/// hands out fresh ones, so neither a later change by the topology nor one by the test may reach a record in flight.
/// </summary>
internal static class HeaderSnapshot
{
    /// <summary>A copy of the headers; null for none (readers then create their own empty headers).</summary>
    public static Headers? Of(Headers? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return null;
        }

        var copy = new Headers();
        foreach (var header in headers)
        {
            copy.Add(header.Key, header.GetValueBytes()?.ToArray());
        }

        return copy;
    }
}
