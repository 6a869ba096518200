using Xunit;

namespace StreamsApp.TestSupport;

/// <summary>
/// A test that needs a real Kafka cluster (exactly-once cannot be shown on the embedded one): it runs only when
/// <c>KAFKA_BOOTSTRAP_SERVERS</c> is set, and is reported as skipped otherwise. README's "Tests on a real broker" says
/// how to run them.
/// </summary>
public sealed class RealKafkaFactAttribute : FactAttribute
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
