using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.State;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// Options of a stream-stream join, as Kafka Streams' <c>StreamJoined</c>: serdes of the key and both values (used by
/// the join stores and by repartition topics a key change requires), a name for the join's nodes and repartition
/// topics, a base name for its stores, and optional window store suppliers (they must retain duplicates).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">This stream's value type.</typeparam>
/// <typeparam name="TOtherValue">The other stream's value type.</typeparam>
public sealed record StreamJoined<TKey, TValue, TOtherValue>
{
    /// <summary>The key serde; null uses the streams' known serde or the built-in one.</summary>
    public ISerde<TKey>? KeySerde { get; init; }

    /// <summary>This stream's value serde; null uses its known serde or the built-in one.</summary>
    public ISerde<TValue>? ValueSerde { get; init; }

    /// <summary>The other stream's value serde; null uses its known serde or the built-in one.</summary>
    public ISerde<TOtherValue>? OtherValueSerde { get; init; }

    /// <summary>
    /// Names the join's processors (<c>&lt;name&gt;-this-join</c> etc.) and repartition topics
    /// (<c>&lt;name&gt;-left-repartition</c>, <c>&lt;name&gt;-right-repartition</c>); null generates them.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Base name of the join stores (<c>&lt;store name&gt;-this-join-store</c> etc.); null generates them.</summary>
    public string? StoreName { get; init; }

    /// <summary>The store of this stream's records; null uses a RocksDB window store.</summary>
    public IWindowBytesStoreSupplier? ThisStoreSupplier { get; init; }

    /// <summary>The store of the other stream's records; null uses a RocksDB window store.</summary>
    public IWindowBytesStoreSupplier? OtherStoreSupplier { get; init; }

    /// <summary>Whether the join stores have changelog topics (on by default).</summary>
    public bool LoggingEnabled { get; init; } = true;

    /// <summary>Returns a copy with a name.</summary>
    public StreamJoined<TKey, TValue, TOtherValue> WithName(string name) => this with { Name = name };

    /// <summary>Returns a copy with a store base name.</summary>
    public StreamJoined<TKey, TValue, TOtherValue> WithStoreName(string storeName) => this with { StoreName = storeName };

    /// <summary>Returns a copy without changelog topics for the join stores.</summary>
    public StreamJoined<TKey, TValue, TOtherValue> WithLoggingDisabled() => this with { LoggingEnabled = false };
}

/// <summary>Factories for <see cref="StreamJoined{TKey, TValue, TOtherValue}"/> that infer the type arguments where they can.</summary>
public static class StreamJoined
{
    /// <summary>Joins with the given serdes.</summary>
    public static StreamJoined<TKey, TValue, TOtherValue> With<TKey, TValue, TOtherValue>(
        ISerde<TKey> keySerde, ISerde<TValue> valueSerde, ISerde<TOtherValue> otherValueSerde) =>
        new() { KeySerde = keySerde, ValueSerde = valueSerde, OtherValueSerde = otherValueSerde };

    /// <summary>Joins with the given window store suppliers (both must retain duplicates).</summary>
    public static StreamJoined<TKey, TValue, TOtherValue> With<TKey, TValue, TOtherValue>(
        IWindowBytesStoreSupplier thisStoreSupplier, IWindowBytesStoreSupplier otherStoreSupplier) =>
        new() { ThisStoreSupplier = thisStoreSupplier, OtherStoreSupplier = otherStoreSupplier };

    /// <summary>
    /// Names the join's stores (as Kafka Streams' <c>StreamJoined.as</c>, which sets the store name); use
    /// <see cref="StreamJoined{TKey, TValue, TOtherValue}.WithName"/> for the processors and repartition topics.
    /// </summary>
    public static StreamJoined<TKey, TValue, TOtherValue> As<TKey, TValue, TOtherValue>(string storeName) => new() { StoreName = storeName };
}
