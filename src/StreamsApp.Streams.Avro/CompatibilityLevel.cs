namespace StreamsApp.Streams.Avro;

/// <summary>
/// Which earlier versions of a subject a new schema must be compatible with, and in which direction
/// (Confluent Schema Registry's levels).
/// </summary>
public enum CompatibilityLevel
{
    /// <summary>No check: any schema may be registered.</summary>
    None,

    /// <summary>The new schema can read data written with the latest version (consumers upgrade first).</summary>
    Backward,

    /// <summary>The new schema can read data written with every earlier version.</summary>
    BackwardTransitive,

    /// <summary>The latest version can read data written with the new schema (producers upgrade first).</summary>
    Forward,

    /// <summary>Every earlier version can read data written with the new schema.</summary>
    ForwardTransitive,

    /// <summary>Both <see cref="Backward"/> and <see cref="Forward"/> against the latest version.</summary>
    Full,

    /// <summary>Both <see cref="BackwardTransitive"/> and <see cref="ForwardTransitive"/>.</summary>
    FullTransitive,
}
