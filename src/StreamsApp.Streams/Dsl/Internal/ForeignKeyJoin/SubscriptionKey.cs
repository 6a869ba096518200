using System.Buffers.Binary;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// The subscription store's key: the foreign key's length (4 bytes, big-endian), its bytes, then the left key's
/// bytes; so that all subscribers of one foreign key share the prefix <see cref="Prefix"/> and one prefix scan
/// finds them. The length keeps a foreign key from being a prefix of another.
/// </summary>
internal static class SubscriptionKey
{
    public static byte[] Prefix(byte[] foreignKey) => Combine(foreignKey, []);

    public static byte[] Combine(byte[] foreignKey, byte[] primaryKey)
    {
        var result = new byte[4 + foreignKey.Length + primaryKey.Length];
        BinaryPrimitives.WriteInt32BigEndian(result, foreignKey.Length);
        foreignKey.CopyTo(result, 4);
        primaryKey.CopyTo(result, 4 + foreignKey.Length);
        return result;
    }

    public static ReadOnlySpan<byte> PrimaryKey(byte[] combined) =>
        combined.AsSpan(4 + BinaryPrimitives.ReadInt32BigEndian(combined));
}
