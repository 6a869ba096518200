namespace StreamsApp.Streams.Tests.Runtime;

/// <summary>
/// A test that needs a real Kafka cluster (exactly-once cannot be shown on the embedded one): it runs only when
/// <c>KAFKA_BOOTSTRAP_SERVERS</c> is set, and is reported as skipped otherwise.
/// </summary>
internal sealed class RealKafkaFactAttribute : FactAttribute
{
    public const string Variable = "KAFKA_BOOTSTRAP_SERVERS";

    public RealKafkaFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            Skip = $"needs a real Kafka cluster: set {Variable}";
        }
    }

    public static string? BootstrapServers => Environment.GetEnvironmentVariable(Variable);
}
