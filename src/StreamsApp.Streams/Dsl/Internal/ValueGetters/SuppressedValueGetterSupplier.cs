using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;
using StreamsApp.Streams.State.Internal.Suppress;

namespace StreamsApp.Streams.Dsl.Internal.ValueGetters;

/// <summary>
/// Reads a suppressed table as downstream has seen it (Kafka Streams' suppression view): a key the suppression still
/// holds back has the row it had before its buffered updates (none, if it had none); any other key has the parent's
/// current row. The prior row's timestamp is not kept, so it reads as <see cref="UnknownTimestamp"/> (Kafka's
/// <c>UNKNOWN</c>), which a join's max(left, right) passes over.
/// </summary>
internal sealed class SuppressedValueGetterSupplier<TKey, TValue>(IKTableValueGetterSupplier<TKey, TValue> parent, string bufferName)
    : IKTableValueGetterSupplier<TKey, TValue>
{
    public const long UnknownTimestamp = -1;

    public IReadOnlyList<string> StoreNames { get; } = [.. parent.StoreNames, bufferName];

    public IKTableValueGetter<TKey, TValue> Get() => new Getter(parent.Get(), bufferName);

    private sealed class Getter(IKTableValueGetter<TKey, TValue> parent, string bufferName) : IKTableValueGetter<TKey, TValue>
    {
        private InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>? _buffer;

        public void Init(IProcessingContext context)
        {
            parent.Init(context);
            _buffer = context.GetStateStore<InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>>(bufferName);
        }

        public bool TryGet(TKey key, out ValueAndTimestamp<TValue> value)
        {
            if (!_buffer!.TryGetPriorValue(key, out var prior))
            {
                return parent.TryGet(key, out value);
            }

            value = prior.HasOld ? new ValueAndTimestamp<TValue>(prior.OldValue, UnknownTimestamp) : default;
            return prior.HasOld;
        }
    }
}
