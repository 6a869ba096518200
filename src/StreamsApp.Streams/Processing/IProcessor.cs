namespace StreamsApp.Streams.Processing;

/// <summary>
/// A node of the Processor API: receives records one at a time and forwards any number of records downstream.
/// One instance exists per task; it is never called from two threads at once.
/// </summary>
/// <typeparam name="TKeyIn">The input key type.</typeparam>
/// <typeparam name="TValueIn">The input value type.</typeparam>
/// <typeparam name="TKeyOut">The key type forwarded downstream.</typeparam>
/// <typeparam name="TValueOut">The value type forwarded downstream.</typeparam>
public interface IProcessor<TKeyIn, TValueIn, TKeyOut, TValueOut>
{
    /// <summary>Called once when the task starts: keep the context, look up stores, schedule punctuators.</summary>
    /// <param name="context">The processor's context for this task.</param>
    void Init(IProcessorContext<TKeyOut, TValueOut> context)
    {
    }

    /// <summary>Processes one record.</summary>
    /// <param name="record">The record.</param>
    void Process(Record<TKeyIn, TValueIn> record);

    /// <summary>Called once when the task closes; stores are closed by the runtime, not here.</summary>
    void Close()
    {
    }
}
