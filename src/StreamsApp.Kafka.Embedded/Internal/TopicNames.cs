namespace StreamsApp.Kafka.Embedded.Internal;

/// <summary>Kafka's topic name rules, checked before a name reaches the mock (which accepts anything).</summary>
internal static class TopicNames
{
    private const int MaxLength = 249;

    /// <summary>Throws an <see cref="ArgumentException"/> for <paramref name="parameterName"/> if the name is not legal.</summary>
    internal static void Validate(string? name, string parameterName)
    {
        if (string.IsNullOrEmpty(name) || name is "." or ".." || name.Length > MaxLength
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException(
                $"'{name}' is not a legal Kafka topic name (1 to {MaxLength} of a-z, A-Z, 0-9, '.', '_', '-'; " +
                "not '.' or '..').",
                parameterName);
        }
    }
}
