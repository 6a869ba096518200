namespace StreamsApp.Streams.Avro.Internal;

/// <summary>The registry's names for compatibility levels: BACKWARD, FULL_TRANSITIVE, NONE, ...</summary>
internal static class CompatibilityLevelNames
{
    private static readonly Dictionary<CompatibilityLevel, string> Names = new()
    {
        [CompatibilityLevel.None] = "NONE",
        [CompatibilityLevel.Backward] = "BACKWARD",
        [CompatibilityLevel.BackwardTransitive] = "BACKWARD_TRANSITIVE",
        [CompatibilityLevel.Forward] = "FORWARD",
        [CompatibilityLevel.ForwardTransitive] = "FORWARD_TRANSITIVE",
        [CompatibilityLevel.Full] = "FULL",
        [CompatibilityLevel.FullTransitive] = "FULL_TRANSITIVE",
    };

    public static string ToName(CompatibilityLevel level) =>
        Names.TryGetValue(level, out var name) ? name : throw InvalidLevel(level.ToString());

    /// <summary>Reads a level name, or throws the registry's 42203 error.</summary>
    public static CompatibilityLevel Parse(string? name)
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
        new(SchemaRegistryErrorCodes.InvalidCompatibilityLevel, "Invalid compatibility level " + name);
}
