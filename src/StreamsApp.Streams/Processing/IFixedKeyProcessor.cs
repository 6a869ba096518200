namespace StreamsApp.Streams.Processing;

/// <summary>
/// A processor that may change values but never keys, so the DSL knows no repartitioning is needed after it
/// (used by <c>ProcessValues</c>).
/// </summary>
/// <typeparam name="TKey">The key type, unchanged.</typeparam>
/// <typeparam name="TValueIn">The input value type.</typeparam>
/// <typeparam name="TValueOut">The value type forwarded downstream.</typeparam>
public interface IFixedKeyProcessor<TKey, TValueIn, TValueOut>
{
    /// <summary>Called once when the task starts.</summary>
    /// <param name="context">The processor's context for this task.</param>
    void Init(IFixedKeyProcessorContext<TKey, TValueOut> context)
    {
    }

    /// <summary>Processes one record.</summary>
    /// <param name="record">The record.</param>
    void Process(FixedKeyRecord<TKey, TValueIn> record);

    /// <summary>Called once when the task closes.</summary>
    void Close()
    {
    }
}
