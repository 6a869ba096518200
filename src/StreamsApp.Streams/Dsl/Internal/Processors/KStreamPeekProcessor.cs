using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>Runs an action on each record; forwards it (Peek) or not (Foreach).</summary>
internal sealed class KStreamPeekProcessor<TKey, TValue>(Action<TKey, TValue> action, bool forward)
    : IFixedKeyProcessor<TKey, TValue, TValue>
{
    private IFixedKeyProcessorContext<TKey, TValue>? _context;

    public void Init(IFixedKeyProcessorContext<TKey, TValue> context) => _context = context;

    public void Process(FixedKeyRecord<TKey, TValue> record)
    {
        action(record.Key, record.Value);
        if (forward)
        {
            _context!.Forward(record);
        }
    }
}
