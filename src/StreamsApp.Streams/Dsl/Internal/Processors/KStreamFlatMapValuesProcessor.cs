using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>Maps each value to zero or more values, keeping the key.</summary>
internal sealed class KStreamFlatMapValuesProcessor<TKey, TValue, TValueOut>(Func<TKey, TValue, IEnumerable<TValueOut>> mapper)
    : IFixedKeyProcessor<TKey, TValue, TValueOut>
{
    private IFixedKeyProcessorContext<TKey, TValueOut>? _context;

    public void Init(IFixedKeyProcessorContext<TKey, TValueOut> context) => _context = context;

    public void Process(FixedKeyRecord<TKey, TValue> record)
    {
        foreach (var value in mapper(record.Key, record.Value))
        {
            _context!.Forward(record.WithValue(value));
        }
    }
}
