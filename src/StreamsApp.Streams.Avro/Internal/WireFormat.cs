using System.Buffers.Binary;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>
/// Confluent's wire format: a zero magic byte, the writer schema's registry id as a 4-byte big-endian integer, then
/// the Avro binary encoding of the datum.
/// </summary>
internal static class WireFormat
{
    public const byte MagicByte = 0;

    /// <summary>Bytes before the Avro payload.</summary>
    public const int HeaderSize = 5;

    public static void WriteHeader(Stream stream, int schemaId)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        header[0] = MagicByte;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], schemaId);
        stream.Write(header);
    }

    /// <summary>Reads the schema id, or says why the bytes are not in the wire format.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> data, out int schemaId, out string? error)
    {
        schemaId = 0;
        if (data.Length < HeaderSize)
        {
            error = "truncated payload: " + data.Length.ToInvariantString()
                + " bytes, fewer than the 5 of the wire format's magic byte and schema id";
            return false;
        }

        if (data[0] != MagicByte)
        {
            error = "unknown magic byte " + data[0].ToInvariantString()
                + "; expected 0 (Confluent wire format: magic byte, 4-byte schema id, Avro binary)";
            return false;
        }

        schemaId = BinaryPrimitives.ReadInt32BigEndian(data[1..]);
        error = null;
        return true;
    }
}
