using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>Turns table updates into stream records; a delete becomes a record with a null value.</summary>
internal sealed class KTableToStreamProcessor<TKey, TValue> : IFixedKeyProcessor<TKey, Change<TValue>, TValue>
{
    private IFixedKeyProcessorContext<TKey, TValue>? _context;

    public void Init(IFixedKeyProcessorContext<TKey, TValue> context) => _context = context;

    public void Process(FixedKeyRecord<TKey, Change<TValue>> record) =>
        _context!.Forward(record.WithValue(record.Value.HasNew ? record.Value.NewValue : default!));
}
