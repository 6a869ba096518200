using Confluent.Kafka;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;

namespace StreamsApp.Streams.Tests.Serialization;

/// <summary>Contexts and helpers shared by the serde tests.</summary>
internal static class SerdeAssert
{
    public const string Topic = "orders";

    public static readonly SerializationContext ValueContext = new(MessageComponentType.Value, Topic);

    public static readonly SerializationContext KeyContext = new(MessageComponentType.Key, Topic);

    public static byte[] Serialize<T>(ISerde<T> serde, T value) => serde.Serializer.Serialize(value, ValueContext);

    public static T Deserialize<T>(ISerde<T> serde, byte[]? bytes) =>
        serde.Deserializer.Deserialize(bytes, bytes is null, ValueContext);

    public static T RoundTrip<T>(ISerde<T> serde, T value) => Deserialize(serde, Serialize(serde, value));

    /// <summary>Deserializes bytes that must fail, and checks the exception names the topic, component and type.</summary>
    public static SerdeException DeserializeFails<T>(
        ISerde<T> serde, byte[]? bytes, string typeName, MessageComponentType component = MessageComponentType.Value)
    {
        var context = new SerializationContext(component, Topic);
        var ex = Assert.Throws<SerdeException>(() => serde.Deserializer.Deserialize(bytes, bytes is null, context));
        string componentName = component == MessageComponentType.Key ? "key" : "value";
        Assert.StartsWith($"Cannot deserialize {componentName} of topic '{Topic}' as {typeName}: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Topic, ex.Topic);
        Assert.Equal(component, ex.Component);
        Assert.Equal(typeof(T), ex.TargetType);
        return ex;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
