using System.Collections;
using System.Globalization;
using System.Numerics;
using Avro;

namespace StreamsApp.Contracts;

/// <summary>
/// How the generated contract types' values cross into Apache.Avro's object model and back: Apache.Avro writes
/// decimals as <see cref="AvroDecimal"/> of exactly the schema's scale, timestamps as <see cref="DateTime"/>, arrays
/// from a non-generic <see cref="IList"/>, and reads enums as the reader schema's ordinal.
/// </summary>
internal static class AvroValues
{
    /// <summary>A decimal as the decimal logical type of <paramref name="scale"/> writes it.</summary>
    /// <exception cref="ArgumentException">The value has more decimal places than the scale: rounding would change an amount of money silently.</exception>
    public static object ToDecimal(decimal value, int scale)
    {
        var unscaled = value * Pow10(scale);
        if (unscaled != decimal.Truncate(unscaled))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{value} has more than the {scale} decimal places the schema allows."), nameof(value));
        }

        return new AvroDecimal(new BigInteger(unscaled), scale);
    }

    /// <summary>The decimal a decimal logical type was read as.</summary>
    public static decimal FromDecimal(object? value) => ((AvroDecimal)value!).ToType<decimal>();

    /// <summary>A time as timestamp-millis writes it: UTC, whole milliseconds kept.</summary>
    public static object ToTimestamp(DateTimeOffset value) => value.UtcDateTime;

    /// <summary>The time a timestamp-millis was read as, in UTC.</summary>
    public static DateTimeOffset FromTimestamp(object? value) =>
        value is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : default;

    /// <summary>
    /// A list Apache.Avro can write and fill: the reader also asks for the list, to reuse it, then clears and fills
    /// it, so a fixed-size one (an array, a collection expression) is copied into a growable one.
    /// </summary>
    public static IList ToList<T>(IReadOnlyList<T> value) => value as List<T> ?? [.. value];

    /// <summary>The enum member an ordinal was read as.</summary>
    public static TEnum FromEnum<TEnum>(object? value)
        where TEnum : struct, Enum => (TEnum)Enum.ToObject(typeof(TEnum), value!);

    private static decimal Pow10(int scale) => Enumerable.Repeat(10m, scale).Aggregate(1m, (product, ten) => product * ten);
}
