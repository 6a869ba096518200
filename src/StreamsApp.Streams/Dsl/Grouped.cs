using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// How records are grouped: the serdes of the grouped key and value (used by a repartition topic) and the name
/// that repartition topic gets (<c>&lt;application.id&gt;-&lt;name&gt;-repartition</c>).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed record Grouped<TKey, TValue>
{
    /// <summary>The key serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TKey>? KeySerde { get; init; }

    /// <summary>The value serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TValue>? ValueSerde { get; init; }

    /// <summary>Names the grouping's repartition topic and nodes; null derives them from the store name.</summary>
    public string? Name { get; init; }

    /// <summary>Returns a copy with a name.</summary>
    public Grouped<TKey, TValue> WithName(string name) => this with { Name = name };
}

/// <summary>Factories for <see cref="Grouped{TKey, TValue}"/> that infer the type arguments where they can.</summary>
public static class Grouped
{
    /// <summary>Groups with the given serdes.</summary>
    public static Grouped<TKey, TValue> With<TKey, TValue>(ISerde<TKey> keySerde, ISerde<TValue> valueSerde) =>
        new Grouped<TKey, TValue> { KeySerde = keySerde, ValueSerde = valueSerde };

    /// <summary>Names the grouping.</summary>
    public static Grouped<TKey, TValue> As<TKey, TValue>(string name) => new Grouped<TKey, TValue> { Name = name };
}
