namespace StreamsApp.Streams.Dsl;

/// <summary>Gives a DSL operation's processor node a chosen name instead of a generated one.</summary>
/// <param name="Name">The node name.</param>
public sealed record Named(string Name)
{
    /// <summary>Names a node.</summary>
    public static Named As(string name) => new(name);
}
