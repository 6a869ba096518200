using Avro.Generic;
using Avro.Specific;
using Confluent.Kafka;
using StreamsApp.Streams.Avro.Internal;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Avro;

/// <summary>
/// Avro records in Confluent's wire format (magic byte 0, 4-byte big-endian schema id, Avro binary), with schemas
/// in a Schema Registry under TopicNameStrategy subjects (<c>&lt;topic&gt;-value</c>, <c>&lt;topic&gt;-key</c>).
/// <typeparamref name="T"/> is a generated <see cref="ISpecificRecord"/> type (read with its own schema, resolved
/// from the writer's) or <see cref="GenericRecord"/>. Null values map to null bytes and back (tombstones).
/// </summary>
/// <remarks>
/// The engine's serde calls are synchronous and the registry client is asynchronous. Each serializer and
/// deserializer blocks on the registry only the first time it meets a schema (per subject when writing, per id when
/// reading) and caches the answer with the prepared Apache.Avro writer or reader, so records after the first never
/// wait on the registry. Failures are <see cref="SerdeException"/>s naming the topic and the cause: a wrong magic
/// byte, a truncated payload, an unknown schema id, a reader schema that cannot read the writer's, or a registry
/// that refused or did not answer. One instance may serve many topics and threads.
/// </remarks>
/// <typeparam name="T">An <see cref="ISpecificRecord"/> type with a parameterless constructor, or <see cref="GenericRecord"/>.</typeparam>
public sealed class AvroSerde<T> : ISerde<T>
    where T : class
{
    /// <summary>Creates the serde.</summary>
    /// <param name="registry">
    /// Confluent's registry client (<see cref="Confluent.SchemaRegistry.CachedSchemaRegistryClient"/>, or
    /// <see cref="InMemorySchemaRegistry"/>); share one between serdes so its caches are shared.
    /// </param>
    /// <param name="options">Registration and reader-schema options; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// <typeparamref name="T"/> is neither a specific record type nor <see cref="GenericRecord"/>, or the options do
    /// not fit it.
    /// </exception>
    public AvroSerde(Confluent.SchemaRegistry.ISchemaRegistryClient registry, AvroSerdeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new AvroSerdeOptions();
        var datum = new AvroDatum<T>(options);
        Serializer = new AvroSerializer<T>(registry, datum, options.AutoRegisterSchemas);
        Deserializer = new AvroDeserializer<T>(registry, datum);
    }

    /// <inheritdoc />
    public ISerializer<T> Serializer { get; }

    /// <inheritdoc />
    public IDeserializer<T> Deserializer { get; }
}
