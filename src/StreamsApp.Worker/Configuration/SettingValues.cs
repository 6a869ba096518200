using System.ComponentModel;
using Microsoft.Extensions.Configuration;

namespace StreamsApp.Worker.Configuration;

/// <summary>
/// Checks every value against its setting's type before the binder converts it, so that a bad one is named with what
/// it may be (<see cref="ValueForms"/>). The one place enum settings are read: each lists its values
/// (<c>Streams:ProcessingGuarantee: 'Bogus' is not one of AtLeastOnce, ExactlyOnceV2</c>), names only (no numbers),
/// several comma-separated for a <see cref="FlagsAttribute"/> enum. The binder's own message would name the .NET type
/// and list nothing.
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
            return $"{section.Path}: '{value}' is not {ValueForms.Of(type)}";
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

        var several = flags ? " (several may be given, comma-separated)" : "";
        var closest = ClosestName.Find(unknown, names) is { } name ? $"; did you mean {name}?" : "";
        return $"{key}: '{unknown}' is not one of {string.Join(", ", names)}{several}{closest}";
    }
}
