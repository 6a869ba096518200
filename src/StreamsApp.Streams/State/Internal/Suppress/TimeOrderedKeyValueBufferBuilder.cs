using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.State.Internal.Suppress;

/// <summary>
/// Builds a suppression's buffer store, one per task, change-logged (compacted topic) unless logging is disabled.
/// A buffer has no cache layer: it is one, so asking for caching changes nothing.
/// </summary>
internal sealed class TimeOrderedKeyValueBufferBuilder<TKey, TValue>(string name, ISerde<TKey> keySerde, ISerde<TValue> valueSerde)
    : LayeredStoreBuilder<InMemoryTimeOrderedKeyValueBuffer<TKey, TValue>>(name, ChangelogTopicConfigs.Compacted)
{
    public override InMemoryTimeOrderedKeyValueBuffer<TKey, TValue> Build() => new(Name, keySerde, valueSerde, LoggingEnabled);
}
