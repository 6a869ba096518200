namespace StreamsApp.Streams.Errors;

/// <summary>Where dead-letter records go: <c>&lt;source topic&gt;.DLT</c>, Spring Kafka's default convention.</summary>
public static class DeadLetterTopic
{
    /// <summary>The suffix appended to the source topic's name.</summary>
    public const string Suffix = ".DLT";

    /// <summary>The dead-letter topic of a source topic.</summary>
    /// <param name="sourceTopic">The topic the failed record was read from.</param>
    public static string For(string sourceTopic) => sourceTopic + Suffix;
}
