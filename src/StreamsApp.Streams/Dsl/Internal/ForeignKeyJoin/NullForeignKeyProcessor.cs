using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// A left join's rows that have no foreign key (<c>KTABLE-FK-JOIN-NULL-FOREIGN-KEY-</c>): they subscribe to nothing,
/// so no response would ever produce their result; this node joins them with <c>default</c> directly, and retracts
/// the result when such a row is deleted. A row that had a foreign key is left to the subscription round trip, whose
/// unsubscribe answers for it.
/// </summary>
internal sealed class NullForeignKeyProcessor<TKey, TValue, TForeignKey, TForeignValue, TResult>(
    Func<TValue, TForeignKey?> foreignKeyExtractor, Func<TValue, TForeignValue, TResult> joiner)
    : IProcessor<TKey, Change<TValue>, TKey, Change<TResult>>
{
    private IProcessorContext<TKey, Change<TResult>>? _context;

    public void Init(IProcessorContext<TKey, Change<TResult>> context) => _context = context;

    public void Process(Record<TKey, Change<TValue>> record)
    {
        var change = record.Value;
        if (change.HasOld && foreignKeyExtractor(change.OldValue) is not null)
        {
            return;
        }

        if (change.HasNew && foreignKeyExtractor(change.NewValue) is null)
        {
            var result = joiner(change.NewValue, default!);
            _context!.Forward(record.WithValue(result is null ? default : Change<TResult>.New(result)));
        }
        else if (!change.HasNew && change.HasOld)
        {
            _context!.Forward(record.WithValue(default(Change<TResult>)));
        }
    }
}
