namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// Runs an <see cref="IFixedKeyProcessor{TKey, TValueIn, TValueOut}"/> as an ordinary processor: the engine's
/// context serves both interfaces, and the record only changes wrapper on the way in.
/// </summary>
internal sealed class FixedKeyProcessorAdapter<TKey, TValueIn, TValueOut>(IFixedKeyProcessor<TKey, TValueIn, TValueOut> processor)
    : IProcessor<TKey, TValueIn, TKey, TValueOut>
{
    public void Init(IProcessorContext<TKey, TValueOut> context) =>
        processor.Init((IFixedKeyProcessorContext<TKey, TValueOut>)context);

    public void Process(Record<TKey, TValueIn> record) =>
        processor.Process(new FixedKeyRecord<TKey, TValueIn>(record.Key, record.Value, record.Timestamp, record.Headers));

    public void Close() => processor.Close();
}
