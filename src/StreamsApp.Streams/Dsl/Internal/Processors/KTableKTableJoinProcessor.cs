using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// One side of a table-table join (Kafka Streams' <c>KTableKTableInnerJoin</c>/<c>LeftJoin</c>/<c>RightJoin</c>/
/// <c>OuterJoin</c>): an update of this side looks up the other side's row and forwards the joined change, old
/// joined value included when downstream asked for it. The result's timestamp is the later of the two rows'.
/// </summary>
internal sealed class KTableKTableJoinProcessor<TKey, TThis, TOther, TResult>(
    IKTableValueGetterSupplier<TKey, TOther> otherSupplier, TableJoiner<TThis, TOther, TResult> joiner, OldValuesSwitch sendOldValues)
    : IProcessor<TKey, Change<TThis>, TKey, Change<TResult>>
{
    private IProcessorContext<TKey, Change<TResult>>? _context;
    private IKTableValueGetter<TKey, TOther>? _other;
    private DslProcessorSupport? _support;
    private bool _sendOld;

    public void Init(IProcessorContext<TKey, Change<TResult>> context)
    {
        _context = context;
        _sendOld = sendOldValues.Enabled;
        _other = otherSupplier.Get();
        _other.Init(context);
        _support = new DslProcessorSupport(context);
    }

    public void Process(Record<TKey, Change<TThis>> record)
    {
        if (record.Key is null)
        {
            _support!.Skip("null key in a table-table join");
            return;
        }

        var change = record.Value;
        var hasOther = _other!.TryGet(record.Key, out var other);

        // Without the other row only a preserved side produces output, and only for a row it knew (a delete of a
        // row that was never there has nothing to retract).
        if (!hasOther && (!joiner.RightOptional || (!change.HasNew && !change.HasOld)))
        {
            return;
        }

        var hasNew = joiner.TryJoin(change.HasNew, change.NewValue, hasOther, other.Value, out var newValue);
        var oldValue = default(TResult)!;
        var hasOld = _sendOld && joiner.TryJoin(change.HasOld, change.OldValue, hasOther, other.Value, out oldValue);
        var timestamp = hasOther ? Math.Max(record.Timestamp, other.Timestamp) : record.Timestamp;
        _context!.Forward(new Record<TKey, Change<TResult>>(
            record.Key, new Change<TResult>(newValue, hasNew, oldValue, hasOld), timestamp, record.Headers));
    }
}
