using System.Globalization;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>Numbers in messages and paths are culture-independent.</summary>
internal static class InvariantFormatting
{
    public static string ToInvariantString(this int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string ToInvariantString(this byte value) => value.ToString(CultureInfo.InvariantCulture);
}
