using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Re-keys table updates for a re-grouping: the old row is sent (as a subtraction) to its old group and the new
/// row (as an addition) to its new group; one combined update when both land in the same group. Old first, as the
/// aggregation must subtract before it adds.
/// </summary>
internal sealed class KTableRepartitionMapProcessor<TKey, TValue, TKeyOut, TValueOut>(
    Func<TKey, TValue, KeyValue<TKeyOut, TValueOut>> selector)
    : IProcessor<TKey, Change<TValue>, TKeyOut, Change<TValueOut>>
{
    private IProcessorContext<TKeyOut, Change<TValueOut>>? _context;

    public void Init(IProcessorContext<TKeyOut, Change<TValueOut>> context) => _context = context;

    public void Process(Record<TKey, Change<TValue>> record)
    {
        var change = record.Value;
        var newPair = change.HasNew ? selector(record.Key, change.NewValue) : default;
        var oldPair = change.HasOld ? selector(record.Key, change.OldValue) : default;
        var hasNew = change.HasNew && newPair.Key is not null && newPair.Value is not null;
        var hasOld = change.HasOld && oldPair.Key is not null && oldPair.Value is not null;
        if (hasOld && hasNew && EqualityComparer<TKeyOut>.Default.Equals(oldPair.Key, newPair.Key))
        {
            _context!.Forward(record.With(newPair.Key, new Change<TValueOut>(newPair.Value, true, oldPair.Value, true)));
            return;
        }

        if (hasOld)
        {
            _context!.Forward(record.With(oldPair.Key, new Change<TValueOut>(default!, false, oldPair.Value, true)));
        }

        if (hasNew)
        {
            _context!.Forward(record.With(newPair.Key, Change<TValueOut>.New(newPair.Value)));
        }
    }
}
