using System.Buffers.Binary;
using System.Text;
using Confluent.Kafka;

namespace StreamsApp.Streams.State.Internal.Suppress;

/// <summary>
/// The changelog value of a suppression buffer entry: everything needed to rebuild the entry after a restart.
/// All integers are big-endian.
/// <code>
/// [0]        format version (1)
/// [1..8]     buffer time: when the entry's wait started (int64)
/// [9..16]    the record's timestamp (int64)
/// [17..20]   header count (int32), then per header: name length (int32), UTF-8 name,
///            value length (int32, -1 for a null value), value bytes
/// [rest]     the Change as ChangeSerde writes it: flags, new value length and bytes, old value bytes
/// </code>
/// The changelog key is the serialized record key. A null changelog value means the entry left the buffer.
/// </summary>
internal static class BufferValueFormat
{
    private const byte Version = 1;
    private const int FixedSize = 1 + 8 + 8 + 4;

    public static byte[] Encode(long bufferTime, long timestamp, Headers? headers, byte[] change)
    {
        var encodedHeaders = (headers ?? []).Select(h => (Name: Encoding.UTF8.GetBytes(h.Key), Value: h.GetValueBytes())).ToList();
        var size = FixedSize + change.Length + encodedHeaders.Sum(h => 8 + h.Name.Length + (h.Value?.Length ?? 0));
        var result = new byte[size];
        var span = result.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], bufferTime);
        BinaryPrimitives.WriteInt64BigEndian(span[9..], timestamp);
        BinaryPrimitives.WriteInt32BigEndian(span[17..], encodedHeaders.Count);
        var position = FixedSize;
        foreach (var (name, value) in encodedHeaders)
        {
            position = WriteBlock(span, position, name);
            position = WriteBlock(span, position, value);
        }

        change.CopyTo(span[position..]);
        return result;
    }

    /// <summary>Reads an entry's times, headers and where its Change starts.</summary>
    /// <exception cref="FormatException">Not a value this format wrote.</exception>
    public static (long BufferTime, long Timestamp, Headers Headers, int ChangeOffset) Decode(ReadOnlySpan<byte> value)
    {
        if (value.Length < FixedSize || value[0] != Version)
        {
            throw new FormatException($"Not a suppression buffer value (version {Version}, at least {FixedSize} bytes)");
        }

        var headers = new Headers();
        var count = BinaryPrimitives.ReadInt32BigEndian(value[17..]);
        var position = FixedSize;
        for (var i = 0; i < count; i++)
        {
            var name = ReadBlock(value, ref position);
            var headerValue = ReadBlock(value, ref position);
            headers.Add(Encoding.UTF8.GetString(name!), headerValue);
        }

        return (BinaryPrimitives.ReadInt64BigEndian(value[1..]), BinaryPrimitives.ReadInt64BigEndian(value[9..]), headers, position);
    }

    private static int WriteBlock(Span<byte> span, int position, byte[]? block)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[position..], block?.Length ?? -1);
        block?.CopyTo(span[(position + 4)..]);
        return position + 4 + (block?.Length ?? 0);
    }

    private static byte[]? ReadBlock(ReadOnlySpan<byte> value, ref int position)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(value[position..]);
        position += 4;
        if (length < 0)
        {
            return null;
        }

        var block = value.Slice(position, length).ToArray();
        position += length;
        return block;
    }
}
