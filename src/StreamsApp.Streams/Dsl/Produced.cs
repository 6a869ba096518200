using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl;

/// <summary>How records are written to a topic: serdes, partitioner, and the sink node's name.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed record Produced<TKey, TValue>
{
    /// <summary>The key serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TKey>? KeySerde { get; init; }

    /// <summary>The value serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TValue>? ValueSerde { get; init; }

    /// <summary>Chooses partitions; null uses murmur2 of the serialized key.</summary>
    public StreamPartitioner<TKey, TValue>? Partitioner { get; init; }

    /// <summary>The sink node's name; null generates one.</summary>
    public string? Name { get; init; }

    /// <summary>Returns a copy with a partitioner.</summary>
    public Produced<TKey, TValue> WithPartitioner(StreamPartitioner<TKey, TValue> partitioner) =>
        this with { Partitioner = partitioner };

    /// <summary>Returns a copy with a sink node name.</summary>
    public Produced<TKey, TValue> WithName(string name) => this with { Name = name };
}

/// <summary>Factories for <see cref="Produced{TKey, TValue}"/> that infer the type arguments where they can.</summary>
public static class Produced
{
    /// <summary>Writes with the given serdes.</summary>
    public static Produced<TKey, TValue> With<TKey, TValue>(ISerde<TKey> keySerde, ISerde<TValue> valueSerde) =>
        new Produced<TKey, TValue> { KeySerde = keySerde, ValueSerde = valueSerde };

    /// <summary>Names the sink node.</summary>
    public static Produced<TKey, TValue> As<TKey, TValue>(string name) => new Produced<TKey, TValue> { Name = name };
}
