using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Processing;

namespace StreamsApp.Streams.Dsl.Internal.Processors;

/// <summary>
/// Joins each stream record with the table row for its lookup key (Kafka Streams' <c>KStreamKTableJoin</c> and
/// <c>KStreamGlobalKTableJoin</c>): the stream record's own key for a table, a selected key for a global table. Only
/// stream records produce output, with their own timestamp; an inner join drops records without a row, a left join
/// passes <c>default</c> for the row. Records with a null value, and inner-join records with a null lookup key, are
/// dropped and counted.
/// </summary>
internal sealed class KStreamTableJoinProcessor<TKey, TValue, TLookupKey, TTableValue, TResult>(
    IKTableValueGetterSupplier<TLookupKey, TTableValue> tableSupplier,
    Func<TKey, TValue, TLookupKey> lookupKey,
    Func<TValue, TTableValue, TResult> joiner,
    bool leftJoin) : IProcessor<TKey, TValue, TKey, TResult>
{
    private IProcessorContext<TKey, TResult>? _context;
    private IKTableValueGetter<TLookupKey, TTableValue>? _table;
    private DslProcessorSupport? _support;

    public void Init(IProcessorContext<TKey, TResult> context)
    {
        _context = context;
        _table = tableSupplier.Get();
        _table.Init(context);
        _support = new DslProcessorSupport(context);
    }

    public void Process(Record<TKey, TValue> record)
    {
        if (record.Value is null)
        {
            _support!.Skip("null value in a stream-table join");
            return;
        }

        // As Kafka Streams (KIP-962), a record without a key still looks up the key it maps to (a global table's
        // selector may find one); a left join emits it with default when it has no row.
        var key = lookupKey(record.Key, record.Value);
        if (key is null && !leftJoin)
        {
            _support!.Skip("null join key in a stream-table join");
            return;
        }

        var row = default(State.ValueAndTimestamp<TTableValue>);
        var hasRow = key is not null && _table!.TryGet(key, out row);
        if (!hasRow && !leftJoin)
        {
            return;
        }

        _context!.Forward(record.WithValue(joiner(record.Value, hasRow ? row.Value : default!)));
    }
}
