using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>Forwards every record unchanged (Merge, and the branches of Split).</summary>
internal sealed class PassThroughProcessor<TKey, TValue> : IFixedKeyProcessor<TKey, TValue, TValue>
{
    private IFixedKeyProcessorContext<TKey, TValue>? _context;

    public void Init(IFixedKeyProcessorContext<TKey, TValue> context) => _context = context;

    public void Process(FixedKeyRecord<TKey, TValue> record) => _context!.Forward(record);
}
