using Confluent.SchemaRegistry;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>The registry's names for compatibility levels: BACKWARD, FULL_TRANSITIVE, NONE, ...</summary>
internal static class CompatibilityLevelNames
{
    private static readonly Dictionary<Compatibility, string> Names = new()
    {
        [Compatibility.None] = "NONE",
        [Compatibility.Backward] = "BACKWARD",
        [Compatibility.BackwardTransitive] = "BACKWARD_TRANSITIVE",
        [Compatibility.Forward] = "FORWARD",
        [Compatibility.ForwardTransitive] = "FORWARD_TRANSITIVE",
        [Compatibility.Full] = "FULL",
        [Compatibility.FullTransitive] = "FULL_TRANSITIVE",
    };

    public static string ToName(Compatibility level) =>
        Names.TryGetValue(level, out var name) ? name : throw InvalidLevel(level.ToString());

    /// <summary>Reads a level name, or throws the registry's 42203 error.</summary>
    public static Compatibility Parse(string? name)
    {
        foreach (var (level, levelName) in Names)
        {
            if (string.Equals(levelName, name, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        throw InvalidLevel(name ?? "(none)");
    }

    private static SchemaRegistryException InvalidLevel(string name) =>
        RegistryErrors.Of(SchemaRegistryErrorCodes.InvalidCompatibilityLevel, "Invalid compatibility level " + name);
}
