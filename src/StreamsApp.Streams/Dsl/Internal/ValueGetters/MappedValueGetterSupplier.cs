using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.ValueGetters;

/// <summary>
/// The getter of a stateless Filter or MapValues table: reads the parent's row and applies the same function the
/// table's processor applies, so lookups agree with the updates the table forwards.
/// </summary>
internal sealed class MappedValueGetterSupplier<TKey, TValue, TValueOut>(
    IKTableValueGetterSupplier<TKey, TValue> parent, Func<TKey, TValue, (bool Keep, TValueOut Value)> map)
    : IKTableValueGetterSupplier<TKey, TValueOut>
{
    public IReadOnlyList<string> StoreNames => parent.StoreNames;

    public IKTableValueGetter<TKey, TValueOut> Get() => new Getter(parent.Get(), map);

    private sealed class Getter(IKTableValueGetter<TKey, TValue> parent, Func<TKey, TValue, (bool Keep, TValueOut Value)> map)
        : IKTableValueGetter<TKey, TValueOut>
    {
        public void Init(IProcessingContext context) => parent.Init(context);

        public bool TryGet(TKey key, out ValueAndTimestamp<TValueOut> value)
        {
            if (parent.TryGet(key, out var row) && map(key, row.Value) is (true, var mapped))
            {
                value = new ValueAndTimestamp<TValueOut>(mapped, row.Timestamp);
                return true;
            }

            value = default;
            return false;
        }
    }
}
