using Confluent.Kafka;

namespace StreamsApp.Streams.Avro.Tests;

internal static class Contexts
{
    public static SerializationContext Value(string topic) => new(MessageComponentType.Value, topic);

    public static SerializationContext Key(string topic) => new(MessageComponentType.Key, topic);
}
