using Confluent.Kafka;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Processing.Internal;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// Fans a right row's update out to its subscribers (<c>KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-</c> on the right
/// table): one prefix scan of the subscription store finds every left key subscribed to the foreign key, and each
/// gets a response carrying the hash it subscribed with (so the left side can still tell stale answers), stamped
/// with the right update's timestamp as in Kafka Streams, even when the left row is later (decision 0007).
/// </summary>
internal sealed class ForeignTableJoinProcessor<TForeignKey, TForeignValue, TKey>(
    string storeName, ISerde<TForeignKey> foreignKeySerde, ISerde<TKey> keySerde)
    : IProcessor<TForeignKey, Change<TForeignValue>, TKey, SubscriptionResponse<TForeignValue>>
{
    private IProcessorContext<TKey, SubscriptionResponse<TForeignValue>>? _context;
    private ITimestampedKeyValueStore<byte[], byte[]>? _store;

    public void Init(IProcessorContext<TKey, SubscriptionResponse<TForeignValue>> context)
    {
        _context = context;
        _store = context.GetStateStore<ITimestampedKeyValueStore<byte[], byte[]>>(storeName);
    }

    public void Process(Record<TForeignKey, Change<TForeignValue>> record)
    {
        if (record.Key is null)
        {
            return;
        }

        var change = record.Value;
        var prefix = SubscriptionKey.Prefix(foreignKeySerde.Serializer.Serialize(record.Key, SerializationContext.Empty));
        foreach (var subscriber in _store!.PrefixScan(prefix, Serdes.ByteArray().Serializer))
        {
            var primaryKey = keySerde.Deserializer.Deserialize(SubscriptionKey.PrimaryKey(subscriber.Key), false, SerializationContext.Empty);
            var hash = subscriber.Value.Value.Length == 0 ? null : subscriber.Value.Value;
            _context!.Forward(record.With(primaryKey, new SubscriptionResponse<TForeignValue>(hash, change.HasNew, change.NewValue)));
        }
    }
}
