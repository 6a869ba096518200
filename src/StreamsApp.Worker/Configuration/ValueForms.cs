using System.Globalization;

namespace StreamsApp.Worker.Configuration;

/// <summary>
/// What a value of a .NET type must look like, in words a user of the worker knows ("a whole number up to
/// 2147483647"), for the errors of settings and of request bodies: neither may name the .NET type.
/// </summary>
internal static class ValueForms
{
    /// <summary>The form of <paramref name="type"/>'s values (a nullable type's as its underlying type's).</summary>
    /// <param name="type">The type a value did not convert to.</param>
    public static string Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "true or false",
            // Their upper bound, the one a user overflows (a quantity, a byte count); a lower one is each value's own rule.
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => $"a whole number up to {MaxValue(type)}",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number, e.g. 2.5",
            TypeCode.String => "a string",
            _ when type == typeof(TimeSpan) => "a time span, [d.]hh:mm:ss[.fff], e.g. 00:00:30",
            _ => "a valid value",
        };
    }

    private static string MaxValue(Type type) =>
        Convert.ToString(type.GetField("MaxValue")!.GetValue(null), CultureInfo.InvariantCulture)!;
}
