namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>Kafka's topic name rules, checked before a name reaches the mock (which accepts anything).</summary>
internal static class TopicNames
{
    private const int MaxLength = 249;

    /// <summary>Why <paramref name="name"/> is not a legal topic name, or null if it is.</summary>
    internal static string? Problem(string? name) =>
        string.IsNullOrEmpty(name) || name is "." or ".." || name.Length > MaxLength
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? $"'{name}' is not a legal topic name (1 to {MaxLength} letters, digits, '.', '_' or '-'; not '.' or '..')"
            : null;

    /// <summary>Throws an <see cref="ArgumentException"/> for <paramref name="parameterName"/> if the name is not legal.</summary>
    internal static void Validate(string? name, string parameterName)
    {
        if (Problem(name) is { } problem)
        {
            throw new ArgumentException(problem, parameterName);
        }
    }
}
