using System.Security.Cryptography;

namespace StreamsApp.Streams.Dsl.Internal.ForeignKeyJoin;

/// <summary>
/// A 128-bit digest of a left row's serialized value, carried through the subscription round trip so that the left
/// side can recognise a response computed for a value it no longer has: the first 16 bytes of SHA-256 (in-box and
/// deterministic across processes, which <see cref="HashCode"/> is not).
/// </summary>
internal static class ValueHash
{
    public const int Size = 16;

    public static byte[]? Of(byte[]? serializedValue) => serializedValue is null ? null : SHA256.HashData(serializedValue)[..Size];

    public static bool Matches(byte[]? expected, byte[]? actual) =>
        expected is null ? actual is null : actual is not null && expected.AsSpan().SequenceEqual(actual);
}
