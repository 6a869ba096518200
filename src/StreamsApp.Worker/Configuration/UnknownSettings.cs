using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Hosting;

namespace StreamsApp.Worker.Configuration;

/// <summary>
/// Keys that name no setting, which the binder would silently ignore: a flag the worker does not know, or a key in one
/// of the worker's sections (<c>Streams</c>, <c>Kafka</c>, ...) from appsettings.json or a <c>STREAMSAPP_</c> variable.
/// Each is named as it was given (<c>--gurantee</c>, <c>STREAMSAPP_Streams__Bogus</c>) with the closest known key, or
/// the keys there are. Other keys in the file and the environment belong to others (<c>Logging</c>), except a
/// <c>STREAMSAPP_</c> variable that was plainly meant as one of the worker's settings: a mistyped section or a single
/// underscore after one. Pass-through properties (<c>Kafka:Properties:*</c>, <c>Streams:KafkaProperties:*</c>) are
/// free-form.
/// </summary>
internal static class UnknownSettings
{
    // What the command line may set besides the worker's settings, for the host and ASP.NET Core: the environment, the
    // logging levels, Kestrel's endpoints and limits, host filtering. Their own binders check them.
    private static readonly string[] HostKeys =
        [HostDefaults.EnvironmentKey, HostDefaults.ApplicationKey, HostDefaults.ContentRootKey, "Logging", "Kestrel", "AllowedHosts"];

    private enum Origin
    {
        CommandLine,
        Environment,
        File,
    }

    /// <summary>One problem per unknown key, across every source of <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The worker's configuration (<see cref="WorkerConfiguration.Apply"/>).</param>
    public static IEnumerable<string> Find(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var provider in configuration.Providers)
        {
            var (origin, file) = provider switch
            {
                CommandLineConfigurationProvider => (Origin.CommandLine, ""),
                EnvironmentVariablesConfigurationProvider => (Origin.Environment, ""),
                JsonConfigurationProvider json => (Origin.File, Path.GetFileName(json.Source.Path ?? "")),
                // The secrets read from files set known keys only.
                _ => ((Origin?)null, ""),
            };
            if (origin is not { } given)
            {
                continue;
            }

            var source = new Source(provider, given, file);
            foreach (var section in source.ChildKeys(null))
            {
                if (SettingNode.Root.Child(section) is { } node)
                {
                    foreach (var problem in Below(source, section, node))
                    {
                        yield return problem;
                    }
                }
                else if (!HostKeys.Contains(section, StringComparer.OrdinalIgnoreCase))
                {
                    foreach (var key in source.Leaves(section))
                    {
                        if (given == Origin.CommandLine)
                        {
                            yield return UnknownFlag(key);
                        }
                        else if (given == Origin.Environment && MistypedVariable(source, key) is { } problem)
                        {
                            yield return problem;
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Below(Source source, string path, SettingNode node)
    {
        if (node.IsFreeForm)
        {
            yield break;
        }

        foreach (var name in source.ChildKeys(path))
        {
            var key = $"{path}:{name}";
            if (node.Child(name) is { } child)
            {
                foreach (var problem in Below(source, key, child))
                {
                    yield return problem;
                }

                continue;
            }

            var closest = ClosestName.Find(name, node.ChildNames);
            foreach (var leaf in source.Leaves(key))
            {
                var unknown = $"Unknown setting {source.Render(leaf)}{source.Where}";
                yield return closest is not null
                    ? $"{unknown}: did you mean {source.Render(path + ":" + closest + leaf[key.Length..])}?"
                    : node.IsValue
                        ? $"{unknown}: {path} is a single value"
                        : $"{unknown}: {path} has {string.Join(", ", node.ChildNames)}";
            }
        }
    }

    // A top-level key only the command line sets: a mistyped short flag, or a long one with a mistyped section.
    private static string UnknownFlag(string key)
    {
        var first = key.Split(':')[0];
        var flags = WorkerConfiguration.FlagAliases.Keys.Select(flag => flag[2..]);
        var closest = ClosestName.Find(first, key.Contains(':') ? SettingNode.Root.ChildNames : [.. flags, .. SettingNode.Root.ChildNames]);
        return closest is not null
            ? $"Unknown flag --{key}: did you mean --{closest}{key[first.Length..]}?"
            : $"Unknown flag --{key}: the flags are {string.Join(", ", WorkerConfiguration.FlagAliases.Keys)}, "
                + $"and --Section:Key=value for any setting of {string.Join(", ", SettingNode.Root.ChildNames)} (README.md, Worker configuration)";
    }

    // A STREAMSAPP_ variable outside the worker's sections meant as one of its settings: one underscore where two part
    // a section from its key (STREAMSAPP_Streams_ApplicationId), or a mistyped section (STREAMSAPP_Stream__ApplicationId).
    // Other variables with the prefix are a script's own (STREAMSAPP_TEST_LOG_DIR) and left alone.
    private static string? MistypedVariable(Source source, string key)
    {
        var first = key.Split(':')[0];
        var rest = key[first.Length..];
        var unknown = $"Unknown setting {source.Render(key)}";
        if (SettingNode.Root.ChildNames.FirstOrDefault(name => first.StartsWith(name + "_", StringComparison.OrdinalIgnoreCase)) is { } section)
        {
            var meant = section + ":" + first[(section.Length + 1)..].Replace("_", ":", StringComparison.Ordinal) + rest;
            return $"{unknown}: did you mean {source.Render(meant)}? Two underscores part a section from its key";
        }

        return rest.Length > 0 && ClosestName.Find(first, SettingNode.Root.ChildNames) is { } closest
            ? $"{unknown}: did you mean {source.Render(closest + rest)}?"
            : null;
    }

    private sealed record Source(IConfigurationProvider Provider, Origin Origin, string File)
    {
        public IEnumerable<string> ChildKeys(string? path) => Provider.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase);

        /// <summary>The keys holding values at or below <paramref name="key"/>: what the user wrote.</summary>
        public List<string> Leaves(string key)
        {
            var below = ChildKeys(key).SelectMany(child => Leaves($"{key}:{child}")).ToList();
            return below.Count > 0 ? below : [key];
        }

        /// <summary>The key as this source spells it.</summary>
        public string Render(string key) => Origin switch
        {
            Origin.CommandLine => "--" + key,
            Origin.Environment => WorkerConfiguration.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal),
            _ => key,
        };

        public string Where => Origin == Origin.File ? $" (in {File})" : "";
    }
}
