using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.ValueGetters;

/// <summary>
/// The getter of a table-table join result that is not materialized: looks up both sides and joins them as the
/// join's processors would, the row's timestamp being the later of the two.
/// </summary>
internal sealed class JoinedValueGetterSupplier<TKey, TLeft, TRight, TResult>(
    IKTableValueGetterSupplier<TKey, TLeft> left, IKTableValueGetterSupplier<TKey, TRight> right, TableJoiner<TLeft, TRight, TResult> joiner)
    : IKTableValueGetterSupplier<TKey, TResult>
{
    public IReadOnlyList<string> StoreNames { get; } = [.. left.StoreNames.Union(right.StoreNames, StringComparer.Ordinal)];

    public IKTableValueGetter<TKey, TResult> Get() => new Getter(left.Get(), right.Get(), joiner);

    private sealed class Getter(
        IKTableValueGetter<TKey, TLeft> left, IKTableValueGetter<TKey, TRight> right, TableJoiner<TLeft, TRight, TResult> joiner)
        : IKTableValueGetter<TKey, TResult>
    {
        public void Init(IProcessingContext context)
        {
            left.Init(context);
            right.Init(context);
        }

        public bool TryGet(TKey key, out ValueAndTimestamp<TResult> value)
        {
            var hasLeft = left.TryGet(key, out var l);
            var hasRight = right.TryGet(key, out var r);
            if (joiner.TryJoin(hasLeft, l.Value, hasRight, r.Value, out var joined))
            {
                value = new ValueAndTimestamp<TResult>(joined, Math.Max(hasLeft ? l.Timestamp : -1, hasRight ? r.Timestamp : -1));
                return true;
            }

            value = default;
            return false;
        }
    }
}
