using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// The left side's half of a foreign-key join (<c>KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-</c>): turns each left
/// update into subscriptions keyed by foreign key, so that they reach the task owning that right row. A row that moves
/// to another foreign key unsubscribes silently from the old one and asks the new one to answer even without a right
/// row (which retracts the old result); a row deleted, or whose foreign key became null, unsubscribes and asks for
/// an answer (which retracts, or for a left join re-emits with no right value).
/// </summary>
internal sealed class SubscriptionSendProcessor<TKey, TValue, TForeignKey>(
    Func<TValue, TForeignKey?> foreignKeyExtractor, ISerde<TValue> valueSerde, ISerde<TForeignKey> foreignKeySerde, bool leftJoin)
    : IProcessor<TKey, Change<TValue>, TForeignKey, SubscriptionWrapper<TKey>>
{
    private IProcessorContext<TForeignKey, SubscriptionWrapper<TKey>>? _context;
    private DslProcessorSupport? _support;

    public void Init(IProcessorContext<TForeignKey, SubscriptionWrapper<TKey>> context)
    {
        _context = context;
        _support = new DslProcessorSupport(context);
    }

    public void Process(Record<TKey, Change<TValue>> record)
    {
        if (record.Key is null)
        {
            _support!.Skip("null key in a foreign-key join");
            return;
        }

        var change = record.Value;
        var newKey = change.HasNew ? foreignKeyExtractor(change.NewValue) : default;
        var oldKey = change.HasOld ? foreignKeyExtractor(change.OldValue) : default;
        var hash = change.HasNew
            ? ValueHash.Of(valueSerde.Serializer.Serialize(change.NewValue, SerializationContext.Empty))
            : null;
        var firstInstruction = leftJoin
            ? SubscriptionInstruction.PropagateNullIfNoForeignValue
            : SubscriptionInstruction.PropagateOnlyIfForeignValue;
        if (change.HasOld && oldKey is not null)
        {
            if (!change.HasNew || newKey is null)
            {
                Send(record, oldKey, hash, SubscriptionInstruction.DeleteKeyAndPropagate);
            }
            else if (SameKey(oldKey, newKey))
            {
                Send(record, newKey, hash, firstInstruction);
            }
            else
            {
                Send(record, oldKey, hash, SubscriptionInstruction.DeleteKeyNoPropagate);
                Send(record, newKey, hash, SubscriptionInstruction.PropagateNullIfNoForeignValue);
            }
        }
        else if (change.HasNew && newKey is not null)
        {
            Send(record, newKey, hash, firstInstruction);
        }
        else if (!leftJoin && (change.HasOld || change.HasNew))
        {
            // As Kafka Streams' inner join: a row with no foreign key, before or after, joins nothing and is counted.
            _support!.Skip("null foreign key in a foreign-key join");
        }
    }

    // Keys are compared as the right side sees them: by their serialized form.
    private bool SameKey(TForeignKey oldKey, TForeignKey newKey) =>
        foreignKeySerde.Serializer.Serialize(oldKey, SerializationContext.Empty).AsSpan()
            .SequenceEqual(foreignKeySerde.Serializer.Serialize(newKey, SerializationContext.Empty));

    private void Send(Record<TKey, Change<TValue>> record, TForeignKey foreignKey, byte[]? hash, SubscriptionInstruction instruction) =>
        _context!.Forward(record.With(foreignKey, new SubscriptionWrapper<TKey>(hash, instruction, record.Key)));
}
