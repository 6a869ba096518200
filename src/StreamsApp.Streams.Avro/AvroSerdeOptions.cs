using Avro;
using Avro.Generic;

namespace StreamsApp.Streams.Avro;

/// <summary>How an <see cref="AvroSerde{T}"/> uses the Schema Registry and which schema it reads with.</summary>
public sealed class AvroSerdeOptions
{
    /// <summary>
    /// Whether the serializer registers the record's schema under the topic's subject (true, the default, as
    /// Confluent's <c>auto.register.schemas</c>) or only looks it up and fails when the subject lacks it (false: the
    /// schema is governed elsewhere, such as by a deployment pipeline).
    /// </summary>
    public bool AutoRegisterSchemas { get; init; } = true;

    /// <summary>
    /// For <see cref="GenericRecord"/> only: the schema records are read with, resolved from each record's writer
    /// schema. Null reads records as written. Specific records always read with their own type's schema.
    /// </summary>
    public Schema? ReaderSchema { get; init; }
}
