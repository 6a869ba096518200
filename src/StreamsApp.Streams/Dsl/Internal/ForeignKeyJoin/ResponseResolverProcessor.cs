using Confluent.Kafka;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// The left side's receiver of responses (<c>KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-</c>): drops a
/// response computed for a left value the row no longer has (its hash differs from the current value's), else joins
/// the current left row with the response's right value: a deleted left row gives a tombstone, a missing right row a
/// tombstone (inner join) or the left row joined with <c>default</c> (left join).
/// </summary>
internal sealed class ResponseResolverProcessor<TKey, TValue, TForeignValue, TResult>(
    IKTableValueGetterSupplier<TKey, TValue> leftSupplier, ISerde<TValue> valueSerde, Func<TValue, TForeignValue, TResult> joiner,
    bool leftJoin)
    : IProcessor<TKey, SubscriptionResponse<TForeignValue>, TKey, Change<TResult>>
{
    private IProcessorContext<TKey, Change<TResult>>? _context;
    private IKTableValueGetter<TKey, TValue>? _left;
    private DslProcessorSupport? _support;

    public void Init(IProcessorContext<TKey, Change<TResult>> context)
    {
        _context = context;
        _left = leftSupplier.Get();
        _left.Init(context);
        _support = new DslProcessorSupport(context);
    }

    public void Process(Record<TKey, SubscriptionResponse<TForeignValue>> record)
    {
        // Only this engine writes the response topic, always keyed by the left row (a record without a value does
        // not deserialize): one without a key was written by someone else.
        if (record.Key is null)
        {
            _support!.Skip("a foreign-key join response without a key");
            return;
        }

        var response = record.Value;
        var hasLeft = _left!.TryGet(record.Key, out var left);
        var currentHash = hasLeft ? ValueHash.Of(valueSerde.Serializer.Serialize(left.Value, SerializationContext.Empty)) : null;
        if (!ValueHash.Matches(response.ValueHash, currentHash))
        {
            return; // Stale: the row changed after this response's subscription; the newer subscription answers.
        }

        var result = default(TResult);
        if (hasLeft && (response.HasValue || leftJoin))
        {
            result = joiner(left.Value, response.HasValue ? response.ForeignValue : default!);
        }

        _context!.Forward(record.WithValue(result is null ? default : Change<TResult>.New(result)));
    }
}
