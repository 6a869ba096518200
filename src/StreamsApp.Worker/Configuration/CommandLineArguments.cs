namespace StreamsApp.Worker.Configuration;

/// <summary>
/// The command line as .NET's command-line configuration provider reads it (<c>--key=value</c>, <c>--key value</c>,
/// <c>/key=value</c>), made strict where the provider is lenient: it ignores a word that is no flag's value and a
/// short flag it has no mapping for (the worker has none), fails on <c>-x=1</c> with a stack trace, and takes the
/// argument after a true-or-false flag as its value (<c>--verbose --demo=false</c>).
/// </summary>
internal static class CommandLineArguments
{
    /// <summary>
    /// One problem per argument the provider would not read as a setting: a short flag (<c>-v</c>), a word that is no
    /// flag's value, a flag with no value at the end; each with the closest flag when one is close.
    /// </summary>
    /// <param name="args">The command line.</param>
    public static IEnumerable<string> Problems(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Key(arg) is not { } key)
            {
                var name = arg.TrimStart('-').Split('=')[0];
                var hint = ClosestName.Find(name, FlagNames) is { } flag ? $"; did you mean --{flag}?" : "";
                yield return arg.StartsWith('-')
                    ? $"Unknown flag {arg}: flags start with two dashes (--key=value){hint}"
                    : $"Unexpected argument '{arg}': every argument is a flag, --key=value{hint}";
            }
            else if (!arg.Contains('=', StringComparison.Ordinal) && !IsSwitch(args, i))
            {
                // The next argument is the value, whatever it looks like.
                if (++i == args.Count)
                {
                    yield return $"Flag {arg} has no value: give it as --{key}=<value>";
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="args"/> with each true-or-false flag given alone (<c>--verbose</c>, last or followed by another
    /// flag) written <c>--verbose=true</c>, which is what it means.
    /// </summary>
    /// <param name="args">The command line.</param>
    public static string[] WithSwitchValues(string[] args) =>
        [.. args.Select((arg, i) => IsSwitch(args, i) ? arg + "=true" : arg)];

    private static IEnumerable<string> FlagNames => [.. WorkerConfiguration.FlagAliases.Keys.Select(flag => flag[2..]), .. SettingNode.Root.ChildNames];

    /// <summary>The key a flag names, before any <c>=</c>; null when the argument is not a flag the provider reads.</summary>
    private static string? Key(string arg)
    {
        var start = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('/') ? 1 : -1;
        var end = arg.IndexOf('=', StringComparison.Ordinal);
        return start < 0 ? null : arg[start..(end < 0 ? arg.Length : end)];
    }

    private static bool IsSwitch(IReadOnlyList<string> args, int i) =>
        !args[i].Contains('=', StringComparison.Ordinal)
        && Key(args[i]) is { } key
        && SettingNode.Root.Find(WorkerConfiguration.FlagAliases.TryGetValue("--" + key, out var setting) ? setting : key)?.Type == typeof(bool)
        && (i + 1 == args.Count || args[i + 1].StartsWith('-'));
}
