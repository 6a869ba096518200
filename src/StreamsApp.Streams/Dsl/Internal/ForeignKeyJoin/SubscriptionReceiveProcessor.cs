using Confluent.Kafka;
using StreamsApp.Streams.Dsl.Internal.ValueGetters;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// The right side's receiver of subscriptions (<c>KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-</c>): records or removes the
/// subscription in the subscription store and answers it with the current right row, as its instruction says. Kafka
/// Streams splits this into a receive and a join processor; one node does both here (decision 0007). An answer is
/// stamped with the later of the subscription's and the right row's timestamps, as table-table joins are.
/// </summary>
internal sealed class SubscriptionReceiveProcessor<TForeignKey, TKey, TForeignValue>(
    string storeName, IKTableValueGetterSupplier<TForeignKey, TForeignValue> foreignSupplier,
    ISerde<TForeignKey> foreignKeySerde, ISerde<TKey> keySerde)
    : IProcessor<TForeignKey, SubscriptionWrapper<TKey>, TKey, SubscriptionResponse<TForeignValue>>
{
    private IProcessorContext<TKey, SubscriptionResponse<TForeignValue>>? _context;
    private ITimestampedKeyValueStore<byte[], byte[]>? _store;
    private IKTableValueGetter<TForeignKey, TForeignValue>? _foreign;
    private DslProcessorSupport? _support;

    public void Init(IProcessorContext<TKey, SubscriptionResponse<TForeignValue>> context)
    {
        _context = context;
        _store = context.GetStateStore<ITimestampedKeyValueStore<byte[], byte[]>>(storeName);
        _foreign = foreignSupplier.Get();
        _foreign.Init(context);
        _support = new DslProcessorSupport(context);
    }

    public void Process(Record<TForeignKey, SubscriptionWrapper<TKey>> record)
    {
        if (record.Key is null)
        {
            _support!.Skip("null foreign key in a foreign-key join subscription");
            return;
        }

        var subscription = record.Value;
        var hasForeign = _foreign!.TryGet(record.Key, out var foreign);
        var resultTimestamp = hasForeign ? Math.Max(record.Timestamp, foreign.Timestamp) : record.Timestamp;
        var storeKey = SubscriptionKey.Combine(
            foreignKeySerde.Serializer.Serialize(record.Key, SerializationContext.Empty),
            keySerde.Serializer.Serialize(subscription.PrimaryKey, SerializationContext.Empty));
        switch (subscription.Instruction)
        {
            case SubscriptionInstruction.DeleteKeyNoPropagate:
                _store!.Delete(storeKey, out _);
                return;
            case SubscriptionInstruction.DeleteKeyAndPropagate:
                _store!.Delete(storeKey, out _);
                Respond(record, false, default!, resultTimestamp);
                return;
        }

        _store!.Put(storeKey, new ValueAndTimestamp<byte[]>(subscription.ValueHash ?? [], record.Timestamp));
        if (hasForeign)
        {
            Respond(record, true, foreign.Value, resultTimestamp);
        }
        else if (subscription.Instruction == SubscriptionInstruction.PropagateNullIfNoForeignValue)
        {
            Respond(record, false, default!, resultTimestamp);
        }
    }

    private void Respond(
        Record<TForeignKey, SubscriptionWrapper<TKey>> record, bool hasValue, TForeignValue value, long timestamp) =>
        _context!.Forward(record.With(
            record.Value.PrimaryKey,
            new SubscriptionResponse<TForeignValue>(record.Value.ValueHash, hasValue, value)) with { Timestamp = timestamp });
}
