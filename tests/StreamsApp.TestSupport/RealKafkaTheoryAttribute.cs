using Xunit;

namespace StreamsApp.TestSupport;

/// <summary>A theory that needs a real Kafka cluster; skipped as <see cref="RealKafkaFactAttribute"/> is.</summary>
public sealed class RealKafkaTheoryAttribute : TheoryAttribute
{
    public RealKafkaTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(RealKafkaFactAttribute.BootstrapServers))
        {
            Skip = $"needs a real Kafka cluster: set {RealKafkaFactAttribute.Variable}";
        }
    }
}
