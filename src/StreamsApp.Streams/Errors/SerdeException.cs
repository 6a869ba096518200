using Confluent.Kafka;

namespace StreamsApp.Streams.Errors;

/// <summary>
/// A key or value that cannot be serialized or deserialized: wrong byte length, invalid UTF-8, malformed JSON, or null
/// bytes for a type that cannot be null. The message names the topic, the component (key or value) and the type.
/// </summary>
public sealed class SerdeException : StreamsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message; it should name the topic, the component and the type.</param>
    /// <param name="topic">The topic of the record, or null when the serialization context named none.</param>
    /// <param name="component">Whether the key or the value failed.</param>
    /// <param name="targetType">The type being read or written.</param>
    public SerdeException(string message, string? topic, MessageComponentType component, Type targetType)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        Topic = topic;
        Component = component;
        TargetType = targetType;
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">The full message; it should name the topic, the component and the type.</param>
    /// <param name="topic">The topic of the record, or null when the serialization context named none.</param>
    /// <param name="component">Whether the key or the value failed.</param>
    /// <param name="targetType">The type being read or written.</param>
    /// <param name="innerException">The underlying error, such as a <c>JsonException</c>.</param>
    public SerdeException(
        string message, string? topic, MessageComponentType component, Type targetType, Exception innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        Topic = topic;
        Component = component;
        TargetType = targetType;
    }

    /// <summary>The topic of the record, or null when the serialization context named none.</summary>
    public string? Topic { get; }

    /// <summary>Whether the key or the value failed.</summary>
    public MessageComponentType Component { get; }

    /// <summary>The type being read or written.</summary>
    public Type TargetType { get; }
}
