using Avro;
using Avro.Generic;
using Avro.IO;
using Avro.Specific;

namespace StreamsApp.Topologies.Tests.Contracts;

/// <summary>Apache.Avro's binary encoding, without the wire format's header.</summary>
internal static class AvroBinary
{
    public static byte[] WriteSpecific<T>(T record, Schema writer)
    {
        using var stream = new MemoryStream();
        new SpecificDatumWriter<T>(writer).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    public static T ReadSpecific<T>(byte[] bytes, Schema writer, Schema reader) =>
        new SpecificDatumReader<T>(writer, reader).Read(default!, new BinaryDecoder(new MemoryStream(bytes)));

    public static byte[] WriteGeneric(GenericRecord record)
    {
        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(record.Schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    public static GenericRecord ReadGeneric(byte[] bytes, Schema writer, Schema reader) =>
        new GenericDatumReader<GenericRecord>(writer, reader).Read(null!, new BinaryDecoder(new MemoryStream(bytes)));
}
