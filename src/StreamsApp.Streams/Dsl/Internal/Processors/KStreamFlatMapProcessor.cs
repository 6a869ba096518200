using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>Maps each record to zero or more records with new keys.</summary>
internal sealed class KStreamFlatMapProcessor<TKey, TValue, TKeyOut, TValueOut>(
    Func<TKey, TValue, IEnumerable<KeyValue<TKeyOut, TValueOut>>> mapper) : IProcessor<TKey, TValue, TKeyOut, TValueOut>
{
    private IProcessorContext<TKeyOut, TValueOut>? _context;

    public void Init(IProcessorContext<TKeyOut, TValueOut> context) => _context = context;

    public void Process(Record<TKey, TValue> record)
    {
        foreach (var (key, value) in mapper(record.Key, record.Value))
        {
            _context!.Forward(record.With(key, value));
        }
    }
}
