namespace StreamsApp.Streams.Processing.Internal;

/// <summary>Lets engine-provided processors reach their task (logger, metrics) through the public context.</summary>
internal interface IHasTaskContext
{
    TaskContext Task { get; }
}
