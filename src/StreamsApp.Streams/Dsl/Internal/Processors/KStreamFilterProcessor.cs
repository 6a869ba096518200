using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>Forwards the records whose predicate result equals <paramref name="keepWhen"/> (Filter: true, FilterNot: false).</summary>
internal sealed class KStreamFilterProcessor<TKey, TValue>(Func<TKey, TValue, bool> predicate, bool keepWhen)
    : IFixedKeyProcessor<TKey, TValue, TValue>
{
    private IFixedKeyProcessorContext<TKey, TValue>? _context;

    public void Init(IFixedKeyProcessorContext<TKey, TValue> context) => _context = context;

    public void Process(FixedKeyRecord<TKey, TValue> record)
    {
        if (predicate(record.Key, record.Value) == keepWhen)
        {
            _context!.Forward(record);
        }
    }
}
