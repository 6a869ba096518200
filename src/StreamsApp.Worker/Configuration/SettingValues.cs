using System.ComponentModel;
using Microsoft.Extensions.Configuration;

namespace StreamsApp.Worker.Configuration;

/// <summary>
/// Checks every value against its setting's type before the binder converts it, so that a bad one is named with what
/// it may be. The one place enum settings are read: each lists its values (<c>Streams:ProcessingGuarantee must be one
/// of AtLeastOnce, ExactlyOnceV2 (was 'Bogus')</c>), names only (no numbers), several comma-separated for a
/// <see cref="FlagsAttribute"/> enum. The binder's own message would name the .NET type and list nothing.
/// </summary>
internal static class SettingValues
{
    /// <summary>One problem per value its setting cannot take, in <paramref name="configuration"/> as merged.</summary>
    /// <param name="configuration">The worker's configuration.</param>
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Problems(configuration.GetChildren(), SettingNode.Root);
    }

    private static IEnumerable<string> Problems(IEnumerable<IConfigurationSection> sections, SettingNode parent) =>
        sections.SelectMany(section => parent.Child(section.Key) switch
        {
            // Unknown keys are UnknownSettings' to report; free-form ones anyone's to set.
            null or { IsFreeForm: true } => [],
            { IsValue: true } node => Problem(section, node) is { } problem ? [problem] : [],
            var node => Problems(section.GetChildren(), node),
        });

    private static string? Problem(IConfigurationSection section, SettingNode node)
    {
        // No value (a section, or null in JSON), or empty for a nullable setting: the binder leaves the default.
        if (section.Value is not { } value || (value.Length == 0 && node.IsNullable))
        {
            return null;
        }

        var type = node.Type;
        if (type.IsEnum)
        {
            return EnumProblem(section.Path, type, value);
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return $"{section.Path} must be {Form(type)} (was '{value}')";
        }
    }

    private static string? EnumProblem(string key, Type type, string value)
    {
        var names = Enum.GetNames(type);
        var flags = type.IsDefined(typeof(FlagsAttribute), inherit: false);
        var given = flags ? value.Split(',', StringSplitOptions.TrimEntries) : [value.Trim()];
        var unknown = given.FirstOrDefault(name => !names.Contains(name, StringComparer.OrdinalIgnoreCase));
        if (unknown is null)
        {
            return null;
        }

        var closest = ClosestName.Find(unknown, names);
        var allowed = flags ? $"one or more of {string.Join(", ", names)} (comma-separated)" : $"one of {string.Join(", ", names)}";
        return $"{key} must be {allowed} (was '{value}'{(closest is null ? "" : $"; did you mean {closest}?")})";
    }

    private static string Form(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "true or false",
        TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte or TypeCode.SByte =>
            "a whole number",
        TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number, e.g. 2.5",
        _ when type == typeof(TimeSpan) => "a time span, [d.]hh:mm:ss[.fff], e.g. 00:00:30",
        _ => $"a {type.Name}",
    };
}
