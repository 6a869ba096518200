namespace StreamsApp.Streams.Runtime;

/// <summary>The kinds of Kafka client the runtime creates, each of which accepts only its own librdkafka properties.</summary>
public enum KafkaClientKind
{
    /// <summary>A consumer (main, restore or global).</summary>
    Consumer,

    /// <summary>A producer.</summary>
    Producer,

    /// <summary>An admin client.</summary>
    Admin,
}
