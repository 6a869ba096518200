namespace StreamsApp.Streams.Avro;

/// <summary>The answer of a Schema Registry compatibility test.</summary>
/// <param name="IsCompatible">Whether the schema could be registered under the subject's compatibility level.</param>
/// <param name="Messages">Why not, one line per incompatibility; empty when compatible.</param>
public sealed record CompatibilityCheckResult(bool IsCompatible, IReadOnlyList<string> Messages);
