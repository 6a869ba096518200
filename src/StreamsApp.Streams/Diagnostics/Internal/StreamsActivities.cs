using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;

namespace StreamsApp.Streams.Diagnostics.Internal;

/// <summary>
/// The engine's spans, named and tagged after OpenTelemetry's messaging conventions. Each start returns null, at the
/// cost of one check, while nothing listens to <see cref="StreamsDiagnostics.ActivitySourceName"/>.
/// </summary>
internal static class StreamsActivities
{
    private static readonly ActivitySource Source = new(
        StreamsDiagnostics.ActivitySourceName, typeof(StreamsActivities).Assembly.GetName().Version?.ToString());

    /// <summary>A consumer span for a record a task processes, continuing the context its headers carry.</summary>
    public static Activity? StartProcess(ConsumeResult<byte[]?, byte[]?> record, string applicationId, string taskId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        KafkaHeadersPropagation.TryExtract(record.Message.Headers, out var parent);
        var activity = Source.StartActivity($"process {record.Topic}", ActivityKind.Consumer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            SetMessagingTags(activity, "process", record.Topic, record.Partition.Value);
            activity.SetTag("messaging.kafka.offset", record.Offset.Value);
            activity.SetTag("messaging.consumer.group.name", applicationId);
            activity.SetTag("streamsapp.task.id", taskId);
        }

        return activity;
    }

    /// <summary>A span for a punctuation, the parent of what its punctuator sends.</summary>
    public static Activity? StartPunctuate(string processor, string taskId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // A new trace: a punctuation continues no record. A punctuator that continues one writes its context into the
        // headers of what it sends (see StartSend).
        var activity = Source.StartActivity($"punctuate {processor}", ActivityKind.Internal, parentContext: default(ActivityContext));
        activity?.SetTag("streamsapp.task.id", taskId);
        return activity;
    }

    /// <summary>
    /// A producer span for a record sent to <paramref name="topic"/>. Its parent is the context the record's headers
    /// carry when a processor put it there (a saga continuing a stored trace from a punctuation); otherwise, when they
    /// only carry what the input record brought, the current span (the record's processing).
    /// </summary>
    public static Activity? StartSend(string topic, int? partition, Headers? headers)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var parent = KafkaHeadersPropagation.TryExtract(headers, out var carried) && !IsCurrentSpanInput(carried) ? carried : default;
        var activity = Source.StartActivity($"send {topic}", ActivityKind.Producer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            SetMessagingTags(activity, "send", topic, partition);
        }

        return activity;
    }

    /// <summary>
    /// Headers for the record <paramref name="send"/> sends: a copy of <paramref name="headers"/> (records derived from
    /// one input share its headers) with the span's context written in.
    /// </summary>
    public static Headers Carrying(Activity send, Headers? headers)
    {
        var copy = new Headers();
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                copy.Add(header.Key, header.GetValueBytes());
            }
        }

        KafkaHeadersPropagation.Inject(send, copy);
        return copy;
    }

    /// <summary>Records a failure on the span.</summary>
    public static void Failed(Activity? activity, Exception error)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.AddException(error);
        }
    }

    // The context the current span was started from: headers passed through unchanged from the input record.
    private static bool IsCurrentSpanInput(ActivityContext carried) =>
        Activity.Current is { } current && current.TraceId == carried.TraceId && (current.ParentSpanId == carried.SpanId || current.SpanId == carried.SpanId);

    private static void SetMessagingTags(Activity activity, string operation, string topic, int? partition)
    {
        activity.SetTag("messaging.system", "kafka");
        activity.SetTag("messaging.operation.name", operation);
        activity.SetTag("messaging.operation.type", operation);
        activity.SetTag("messaging.destination.name", topic);
        if (partition is { } p)
        {
            activity.SetTag("messaging.destination.partition.id", p.ToString(CultureInfo.InvariantCulture));
        }
    }
}
