using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Dsl;

/// <summary>
/// How <see cref="IKStream{TKey, TValue}.Repartition"/> writes its topic: serdes, the topic's name
/// (<c>&lt;application.id&gt;-&lt;name&gt;-repartition</c>), its number of partitions (by default that of the
/// sub-topology writing it) and a partitioner (by default murmur2 of the serialized key).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed record Repartitioned<TKey, TValue>
{
    /// <summary>The key serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TKey>? KeySerde { get; init; }

    /// <summary>The value serde; null uses the stream's known serde or the built-in one.</summary>
    public ISerde<TValue>? ValueSerde { get; init; }

    /// <summary>Names the repartition topic and its nodes; null generates <c>KSTREAM-REPARTITION-&lt;n&gt;</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The repartition topic's partition count, and so the downstream sub-topology's task count; null follows the writer.</summary>
    public int? NumberOfPartitions { get; init; }

    /// <summary>Chooses each record's partition; null uses murmur2 of the serialized key.</summary>
    public StreamPartitioner<TKey, TValue>? Partitioner { get; init; }

    /// <summary>Returns a copy with a name.</summary>
    public Repartitioned<TKey, TValue> WithName(string name) => this with { Name = name };

    /// <summary>Returns a copy with a partition count.</summary>
    public Repartitioned<TKey, TValue> WithNumberOfPartitions(int partitions) => this with { NumberOfPartitions = partitions };

    /// <summary>Returns a copy with a partitioner.</summary>
    public Repartitioned<TKey, TValue> WithStreamPartitioner(StreamPartitioner<TKey, TValue> partitioner) =>
        this with { Partitioner = partitioner };

    /// <summary>Returns a copy with a key serde.</summary>
    public Repartitioned<TKey, TValue> WithKeySerde(ISerde<TKey> keySerde) => this with { KeySerde = keySerde };

    /// <summary>Returns a copy with a value serde.</summary>
    public Repartitioned<TKey, TValue> WithValueSerde(ISerde<TValue> valueSerde) => this with { ValueSerde = valueSerde };
}

/// <summary>Factories for <see cref="Repartitioned{TKey, TValue}"/> that infer the type arguments where they can.</summary>
public static class Repartitioned
{
    /// <summary>Repartitions with the given serdes.</summary>
    public static Repartitioned<TKey, TValue> With<TKey, TValue>(ISerde<TKey> keySerde, ISerde<TValue> valueSerde) =>
        new Repartitioned<TKey, TValue> { KeySerde = keySerde, ValueSerde = valueSerde };

    /// <summary>Names the repartition topic.</summary>
    public static Repartitioned<TKey, TValue> As<TKey, TValue>(string name) => new Repartitioned<TKey, TValue> { Name = name };

    /// <summary>Repartitions into the given number of partitions.</summary>
    public static Repartitioned<TKey, TValue> NumberOfPartitions<TKey, TValue>(int partitions) =>
        new Repartitioned<TKey, TValue> { NumberOfPartitions = partitions };

    /// <summary>Repartitions with a partitioner.</summary>
    public static Repartitioned<TKey, TValue> StreamPartitioner<TKey, TValue>(StreamPartitioner<TKey, TValue> partitioner) =>
        new Repartitioned<TKey, TValue> { Partitioner = partitioner };
}
