using Confluent.Kafka;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>Confluent's default subject naming: <c>&lt;topic&gt;-key</c> and <c>&lt;topic&gt;-value</c>.</summary>
internal static class TopicNameStrategy
{
    public static string Subject(string topic, MessageComponentType component) =>
        topic + (component == MessageComponentType.Key ? "-key" : "-value");
}
