using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// How a stream is joined with a table: the serdes of the stream's key and value (used by the repartition topic a
/// key change requires) and of the table's value, and a name for the join node and that repartition topic
/// (<c>&lt;application.id&gt;-&lt;name&gt;-repartition</c>).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The stream's value type.</typeparam>
/// <typeparam name="TOtherValue">The table's value type.</typeparam>
public sealed record Joined<TKey, TValue, TOtherValue>
{
    /// <summary>The key serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TKey>? KeySerde { get; init; }

    /// <summary>The stream's value serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TValue>? ValueSerde { get; init; }

    /// <summary>The table's value serde (kept for parity with Kafka Streams; the table's own serde is used).</summary>
    public ISerde<TOtherValue>? OtherValueSerde { get; init; }

    /// <summary>Names the join node and its repartition topic; null generates them.</summary>
    public string? Name { get; init; }

    /// <summary>Returns a copy with a name.</summary>
    public Joined<TKey, TValue, TOtherValue> WithName(string name) => this with { Name = name };
}

/// <summary>Factories for <see cref="Joined{TKey, TValue, TOtherValue}"/> that infer the type arguments where they can.</summary>
public static class Joined
{
    /// <summary>Joins with the given serdes.</summary>
    public static Joined<TKey, TValue, TOtherValue> With<TKey, TValue, TOtherValue>(
        ISerde<TKey> keySerde, ISerde<TValue> valueSerde, ISerde<TOtherValue>? otherValueSerde = null) =>
        new Joined<TKey, TValue, TOtherValue> { KeySerde = keySerde, ValueSerde = valueSerde, OtherValueSerde = otherValueSerde };

    /// <summary>Names the join.</summary>
    public static Joined<TKey, TValue, TOtherValue> As<TKey, TValue, TOtherValue>(string name) =>
        new Joined<TKey, TValue, TOtherValue> { Name = name };
}
