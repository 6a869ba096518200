using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>Sends each record to the first branch whose predicate holds, else to the default branch if there is one.</summary>
internal sealed class KStreamBranchProcessor<TKey, TValue>(
    IReadOnlyList<(Func<TKey, TValue, bool> Predicate, string Child)> branches, string? defaultChild)
    : IFixedKeyProcessor<TKey, TValue, TValue>
{
    private IFixedKeyProcessorContext<TKey, TValue>? _context;

    public void Init(IFixedKeyProcessorContext<TKey, TValue> context) => _context = context;

    public void Process(FixedKeyRecord<TKey, TValue> record)
    {
        foreach (var (predicate, child) in branches)
        {
            if (predicate(record.Key, record.Value))
            {
                _context!.Forward(record, child);
                return;
            }
        }

        if (defaultChild is not null)
        {
            _context!.Forward(record, defaultChild);
        }
    }
}
