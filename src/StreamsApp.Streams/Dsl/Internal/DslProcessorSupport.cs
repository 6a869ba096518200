using Microsoft.Extensions.Logging;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Dsl.Internal;

/// <summary>What DSL processors share beyond the public context: the task's logger and dropped-records sensor.</summary>
internal sealed class DslProcessorSupport(IProcessingContext context)
{
    private readonly TaskContext? _task = (context as IHasTaskContext)?.Task;

    public ILogger Log => _task?.Log ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Drops the current record: logs why and counts it in <c>dropped-records-total</c>.</summary>
    public void Skip(string reason)
    {
        var metadata = context.RecordMetadata;
        Log.SkippingRecord(metadata?.Topic, metadata?.Partition ?? -1, metadata?.Offset ?? -1, reason);
        _task?.Metrics.DroppedRecords.Increment();
    }
}
