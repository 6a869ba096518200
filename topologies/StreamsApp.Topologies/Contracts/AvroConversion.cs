using System.Collections;
using System.Numerics;
using System.Globalization;
using Avro;

namespace StreamsApp.Contracts;

/// <summary>
/// How a property's value crosses into Apache.Avro's object model and back: Apache.Avro writes decimals as
/// <see cref="AvroDecimal"/> of exactly the schema's scale, timestamps as <see cref="DateTime"/>, arrays from a
/// non-generic <see cref="IList"/>, and reads enums as the reader schema's ordinal.
/// </summary>
internal sealed class AvroConversion
{
    private static readonly AvroConversion Identity = new(value => value, value => value);

    private static readonly AvroConversion Timestamp = new(
        value => ((DateTimeOffset?)value)?.UtcDateTime,
        value => value is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null);

    private AvroConversion(Func<object?, object?> toAvro, Func<object?, object?> fromAvro)
    {
        ToAvro = toAvro;
        FromAvro = fromAvro;
    }

    /// <summary>Turns a property value into what Apache.Avro's writer expects.</summary>
    public Func<object?, object?> ToAvro { get; }

    /// <summary>Turns what Apache.Avro's reader produces into the property's type.</summary>
    public Func<object?, object?> FromAvro { get; }

    /// <summary>The conversion for a property of type <paramref name="propertyType"/> bound to a field of schema <paramref name="fieldSchema"/>.</summary>
    public static AvroConversion For(Type propertyType, Schema fieldSchema)
    {
        if (propertyType == typeof(decimal))
        {
            return Decimal(fieldSchema);
        }

        if (propertyType == typeof(DateTimeOffset) || propertyType == typeof(DateTimeOffset?))
        {
            return Timestamp;
        }

        if (propertyType.IsEnum)
        {
            return new AvroConversion(value => value, value => Enum.ToObject(propertyType, value!));
        }

        return propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? List(propertyType.GetGenericArguments()[0])
            : Identity;
    }

    private static AvroConversion List(Type itemType)
    {
        // The reader also calls Get, to reuse the list it then clears and fills: hand out a growable list of the
        // item type, copying a fixed-size one such as an array or a collection expression.
        var listType = typeof(List<>).MakeGenericType(itemType);
        return new AvroConversion(
            value => value is IList { IsFixedSize: false, IsReadOnly: false } list ? list : Activator.CreateInstance(listType, value),
            value => value);
    }

    private static AvroConversion Decimal(Schema fieldSchema)
    {
        if (fieldSchema is not LogicalSchema { LogicalTypeName: "decimal" } logical)
        {
            throw new InvalidOperationException($"A decimal property needs a decimal logical type, not {fieldSchema}.");
        }

        var scale = int.Parse(logical.GetProperty("scale") ?? "0", CultureInfo.InvariantCulture);
        var factor = Enumerable.Repeat(10m, scale).Aggregate(1m, (product, ten) => product * ten);
        return new AvroConversion(
            value =>
            {
                var unscaled = (decimal)value! * factor;
                // Rounding would change an amount of money silently; an amount the schema cannot hold is a bug upstream.
                if (unscaled != decimal.Truncate(unscaled))
                {
                    throw new ArgumentException($"{value} has more than the {scale} decimal places the schema allows.", nameof(value));
                }

                return new AvroDecimal(new BigInteger(unscaled), scale);
            },
            value => ((AvroDecimal)value!).ToType<decimal>());
    }
}
