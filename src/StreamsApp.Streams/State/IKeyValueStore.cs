namespace StreamsApp.Streams.State;

/// <summary>A key-value store a processor reads and writes. Null keys are rejected.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface IKeyValueStore<TKey, TValue> : IStateStore, IReadOnlyKeyValueStore<TKey, TValue>
{
    /// <summary>Inserts or replaces the value of a key.</summary>
    void Put(TKey key, TValue value);

    /// <summary>Inserts a value only when the key is absent.</summary>
    /// <returns>True when the value was inserted; false when the key was present (its value is in <paramref name="existing"/>).</returns>
    bool PutIfAbsent(TKey key, TValue value, out TValue existing);

    /// <summary>Inserts or replaces every entry, in order.</summary>
    void PutAll(IEnumerable<KeyValue<TKey, TValue>> entries);

    /// <summary>Deletes a key.</summary>
    /// <returns>True when the key was present (its old value is in <paramref name="oldValue"/>).</returns>
    bool Delete(TKey key, out TValue oldValue);
}

/// <summary>A key-value store whose values carry the timestamp of the record that wrote them (what the DSL uses).</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface ITimestampedKeyValueStore<TKey, TValue> : IKeyValueStore<TKey, ValueAndTimestamp<TValue>>
{
}
