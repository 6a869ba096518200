using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Streams.Diagnostics;

/// <summary>
/// Carries trace context in Kafka record headers through <see cref="DistributedContextPropagator.Current"/>: W3C
/// <c>traceparent</c> and <c>tracestate</c> by default, or whatever propagator the application installs (one that
/// also reads a legacy header, for example). The engine uses it on every record it reads and sends; applications that
/// produce or consume outside the engine use it to join the same traces.
/// </summary>
public static class KafkaHeadersPropagation
{
    /// <summary>The context written in <paramref name="headers"/>; false when they carry none (or a malformed one).</summary>
    /// <param name="headers">A record's headers; null reads as none.</param>
    /// <param name="context">The context, marked remote.</param>
    public static bool TryExtract(Headers? headers, out ActivityContext context)
    {
        context = default;
        if (headers is null || headers.Count == 0)
        {
            return false;
        }

        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, ReadHeader, out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out context);
    }

    /// <summary>Writes the context of <paramref name="activity"/> into <paramref name="headers"/>, replacing what was there.</summary>
    /// <param name="activity">The span whose context the record carries on.</param>
    /// <param name="headers">The outgoing record's headers.</param>
    public static void Inject(Activity activity, Headers headers)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(headers);
        DistributedContextPropagator.Current.Inject(activity, headers, WriteHeader);
    }

    private static void ReadHeader(object? carrier, string fieldName, out string? fieldValue, out IEnumerable<string>? fieldValues)
    {
        fieldValues = null;
        fieldValue = carrier is Headers headers && headers.TryGetLastBytes(fieldName, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }

    private static void WriteHeader(object? carrier, string fieldName, string fieldValue)
    {
        if (carrier is Headers headers)
        {
            headers.Remove(fieldName);
            headers.Add(fieldName, Encoding.UTF8.GetBytes(fieldValue));
        }
    }
}
