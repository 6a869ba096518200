using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.State.Internal;

/// <summary>The metered layer of a timestamped store: values are stored as timestamp + value bytes.</summary>
internal sealed class MeteredTimestampedKeyValueStore<TKey, TValue>(
    IKeyValueStore<byte[], byte[]> inner, ISerde<TKey> keySerde, ISerde<TValue> valueSerde, string metricsScope)
    : MeteredKeyValueStore<TKey, ValueAndTimestamp<TValue>>(
        inner,
        topic => new StoreSerdes<TKey, ValueAndTimestamp<TValue>>(topic, keySerde, new ValueAndTimestampSerde<TValue>(valueSerde)),
        metricsScope),
      ITimestampedKeyValueStore<TKey, TValue>;
