using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl;

/// <summary>How a topic is read: serdes, a timestamp extractor, and the source node's name.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed record Consumed<TKey, TValue>
{
    /// <summary>The key serde; null picks the built-in serde for <typeparamref name="TKey"/>.</summary>
    public ISerde<TKey>? KeySerde { get; init; }

    /// <summary>The value serde; null picks the built-in serde for <typeparamref name="TValue"/>.</summary>
    public ISerde<TValue>? ValueSerde { get; init; }

    /// <summary>Gives records their event time; null uses the record's own timestamp.</summary>
    public TimestampExtractor<TKey, TValue>? TimestampExtractor { get; init; }

    /// <summary>
    /// The source node's name; null generates one. A table names its table node so and its source
    /// <c>&lt;name&gt;-source</c>, as Kafka Streams does.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Returns a copy with a timestamp extractor.</summary>
    public Consumed<TKey, TValue> WithTimestampExtractor(TimestampExtractor<TKey, TValue> extractor) =>
        this with { TimestampExtractor = extractor };

    /// <summary>Returns a copy with a source node name.</summary>
    public Consumed<TKey, TValue> WithName(string name) => this with { Name = name };
}

/// <summary>Factories for <see cref="Consumed{TKey, TValue}"/> that infer the type arguments where they can.</summary>
public static class Consumed
{
    /// <summary>Reads with the given serdes.</summary>
    public static Consumed<TKey, TValue> With<TKey, TValue>(ISerde<TKey> keySerde, ISerde<TValue> valueSerde) =>
        new Consumed<TKey, TValue> { KeySerde = keySerde, ValueSerde = valueSerde };

    /// <summary>Names the source node.</summary>
    public static Consumed<TKey, TValue> As<TKey, TValue>(string name) => new Consumed<TKey, TValue> { Name = name };
}
