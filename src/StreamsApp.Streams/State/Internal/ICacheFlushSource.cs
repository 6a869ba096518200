using Confluent.Kafka;
using StreamsApp.Streams.Processing.Internal;

namespace StreamsApp.Streams.State.Internal;

/// <summary>A typed store whose caching layer (when it has one) reports its flushed writes, deserialized.</summary>
/// <typeparam name="TKey">The key type flushes are reported under.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal interface ICacheFlushSource<TKey, TValue>
{
    /// <summary>
    /// Routes the caching layer's flushed writes to <paramref name="listener"/> (key, change, the writer's timestamp
    /// and headers); <paramref name="sendOldValues"/> asks for old values. Returns false when the store has no
    /// cache, in which case the caller forwards its own writes.
    /// </summary>
    bool SetFlushListener(Action<TKey, Change<TValue>, long, Headers?> listener, bool sendOldValues);
}
