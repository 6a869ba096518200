namespace StreamsApp.Streams;

/// <summary>A key and a value, as read from a store or returned by a key-value mapper.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
public readonly record struct KeyValue<TKey, TValue>(TKey Key, TValue Value);

/// <summary>Factory for <see cref="KeyValue{TKey, TValue}"/> that infers the type arguments.</summary>
public static class KeyValue
{
    /// <summary>Creates a key-value pair.</summary>
    public static KeyValue<TKey, TValue> Pair<TKey, TValue>(TKey key, TValue value) => new(key, value);
}
