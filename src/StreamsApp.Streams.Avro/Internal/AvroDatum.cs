using Avro;
using Avro.Generic;
using Avro.IO;
using Avro.Specific;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>
/// What differs between specific records (generated <see cref="ISpecificRecord"/> types) and
/// <see cref="GenericRecord"/>: where the schemas come from and which Apache.Avro reader and writer apply.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class AvroDatum<T>
    where T : class
{
    private readonly bool _specific;
    private readonly Schema? _readerSchema;

    public AvroDatum(AvroSerdeOptions options)
    {
        _specific = typeof(ISpecificRecord).IsAssignableFrom(typeof(T));
        if (!_specific && typeof(T) != typeof(GenericRecord))
        {
            throw new ArgumentException(
                "AvroSerde reads and writes ISpecificRecord types and GenericRecord, not " + typeof(T).FullName);
        }

        if (_specific && options.ReaderSchema is not null)
        {
            throw new ArgumentException(
                "AvroSerdeOptions.ReaderSchema applies to GenericRecord only; " + typeof(T).Name
                    + " reads with its own schema",
                nameof(options));
        }

        _readerSchema = _specific ? SpecificSchema() : options.ReaderSchema;
    }

    public static Schema WriterSchemaOf(T data) =>
        data is ISpecificRecord specific ? specific.Schema : ((GenericRecord)(object)data).Schema;

    /// <summary>The schema records are read with: the type's, the configured one, or else the writer's own.</summary>
    public Schema ReaderSchema(Schema writer) => _readerSchema ?? writer;

    public DatumWriter<T> CreateWriter(Schema writer) =>
        _specific ? new SpecificDatumWriter<T>(writer) : new GenericDatumWriter<T>(writer);

    public DatumReader<T> CreateReader(Schema writer) =>
        _specific
            ? new SpecificDatumReader<T>(writer, ReaderSchema(writer))
            : new GenericDatumReader<T>(writer, ReaderSchema(writer));

    private static Schema SpecificSchema()
    {
        // Generated types expose their schema on instances only (ISpecificRecord.Schema), and have a
        // parameterless constructor for the reader to fill.
        if (typeof(T).GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException(
                typeof(T).FullName + " needs a public parameterless constructor to be read as a specific record");
        }

        return ((ISpecificRecord)Activator.CreateInstance<T>()).Schema;
    }
}
