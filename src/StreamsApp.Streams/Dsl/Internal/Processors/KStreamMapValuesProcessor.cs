using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>Maps each value, keeping the key.</summary>
internal sealed class KStreamMapValuesProcessor<TKey, TValue, TValueOut>(Func<TKey, TValue, TValueOut> mapper)
    : IFixedKeyProcessor<TKey, TValue, TValueOut>
{
    private IFixedKeyProcessorContext<TKey, TValueOut>? _context;

    public void Init(IFixedKeyProcessorContext<TKey, TValueOut> context) => _context = context;

    public void Process(FixedKeyRecord<TKey, TValue> record) =>
        _context!.Forward(record.WithValue(mapper(record.Key, record.Value)));
}
