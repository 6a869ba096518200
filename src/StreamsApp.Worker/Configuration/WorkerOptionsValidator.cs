using Confluent.SchemaRegistry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Mission;

namespace StreamsApp.Worker.Configuration;

/// <summary>Checks the configuration at start; every problem names its full configuration key (<c>Streams:CommitInterval</c>).</summary>
/// <param name="environment">The host's environment: in Production, no cluster at all is an error, not the embedded demo.</param>
internal sealed class WorkerOptionsValidator(IHostEnvironment environment) : IValidateOptions<WorkerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var problems = new List<string>();
        problems.AddRange(ModeProblems(options));
        problems.AddRange(StreamsProblems(options));
        if (options.Kafka.TopicPartitions < 1)
        {
            problems.Add($"Kafka:TopicPartitions must be at least 1 (was {options.Kafka.TopicPartitions})");
        }

        if (options.Kafka.ConnectTimeout < TimeSpan.FromSeconds(1) || options.Kafka.ConnectTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"Kafka:ConnectTimeout must be between 00:00:01 and 00:10:00 (was {options.Kafka.ConnectTimeout})");
        }

        problems.AddRange(SchemaRegistryProblems(options));

        problems.AddRange(TopicAdminProblems(options));

        if ((options.Mission.Parts & MissionParts.All) == MissionParts.None || (options.Mission.Parts & ~MissionParts.All) != 0)
        {
            problems.Add($"Mission:Parts must name at least one of {string.Join(", ", PartNames)}");
        }

        if (options.Mission.SagaTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Mission:SagaTimeout must be positive (was {options.Mission.SagaTimeout})");
        }

        if (options.Mission.CompensationTimeout < TimeSpan.FromMilliseconds(1))
        {
            problems.Add($"Mission:CompensationTimeout must be at least a millisecond (was {options.Mission.CompensationTimeout})");
        }

        if (options.Mission.MaxCompensationAttempts < 1)
        {
            problems.Add($"Mission:MaxCompensationAttempts must be at least 1 (was {options.Mission.MaxCompensationAttempts})");
        }

        problems.AddRange(HttpProblems(options.Http));
        if (!double.IsFinite(options.Demo.OrdersPerSecond) || options.Demo.OrdersPerSecond is < 0 or > 10_000)
        {
            problems.Add($"Demo:OrdersPerSecond must be between 0 and 10000 (was {options.Demo.OrdersPerSecond})");
        }

        if (options.Console.ProgressInterval < TimeSpan.Zero)
        {
            problems.Add("Console:ProgressInterval must not be negative");
        }

        if (options.Telemetry.OtlpEndpoint.Length > 0 && !(Uri.TryCreate(options.Telemetry.OtlpEndpoint, UriKind.Absolute, out var otlp) && otlp.Scheme is "http" or "https"))
        {
            problems.Add($"Telemetry:OtlpEndpoint must be an absolute http or https URL (was '{options.Telemetry.OtlpEndpoint}')");
        }

        if (options.Telemetry.MetricsExportInterval < TimeSpan.FromMilliseconds(100) || options.Telemetry.MetricsExportInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"Telemetry:MetricsExportInterval must be between 00:00:00.1 and 01:00:00 (was {options.Telemetry.MetricsExportInterval})");
        }

        if (string.IsNullOrWhiteSpace(options.Telemetry.ServiceName))
        {
            problems.Add("Telemetry:ServiceName must not be empty");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> SchemaRegistryProblems(WorkerOptions options)
    {
        if (options.IsEmbedded)
        {
            yield break;
        }

        var urls = options.SchemaRegistry.Url.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (urls.Length == 0 || !urls.All(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return "SchemaRegistry:Url must be one or more absolute http or https URLs (comma-separated) when Streams:BootstrapServers is set";
            yield break;
        }

        // Confluent's client checks its properties when made: an unknown or bad one is a configuration error.
        string? problem = null;
        try
        {
            using var client = new CachedSchemaRegistryClient(options.SchemaRegistry.ClientConfig());
        }
        catch (ArgumentException e)
        {
            problem = $"SchemaRegistry:Properties: {e.Message}";
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> PartNames =>
        Enum.GetNames<MissionParts>().Where(n => n is not (nameof(MissionParts.None)));

    private static IEnumerable<string> StreamsProblems(WorkerOptions options)
    {
        try
        {
            // The engine's own checks, on the configuration the worker will run with (Kafka:Properties merged in). The
            // application server is checked below under its own key, Http:ApplicationServer.
            StreamsConfigFactory.Create(options, options.Streams.BootstrapServers, applicationServer: "").Validate();
            return [];
        }
        catch (StreamsConfigException e)
        {
            return e.Problems.Select(p => p.StartsWith("KafkaProperties:", StringComparison.Ordinal)
                ? "Kafka:Properties:" + p["KafkaProperties:".Length..]
                : "Streams:" + p);
        }
    }

    private static IEnumerable<string> TopicAdminProblems(WorkerOptions options)
    {
        var url = options.Kafka.TopicAdminUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            yield break;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"Kafka:TopicAdminUrl must be an absolute http or https URL (was '{url}')";
        }

        if (options.IsEmbedded)
        {
            yield return "Kafka:TopicAdminUrl needs Streams:BootstrapServers (the streamsapp-kafka cluster it administers)";
        }
    }

    private static IEnumerable<string> HttpProblems(HttpOptions http)
    {
        if (!Uri.TryCreate(http.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return $"Http:Url must be an absolute http or https URL (was '{http.Url}')";
        }

        if (!string.IsNullOrWhiteSpace(http.ApplicationServer) && !HostInfo.TryParse(http.ApplicationServer.Trim(), out _))
        {
            yield return $"Http:ApplicationServer must be host:port (was '{http.ApplicationServer}')";
        }

        if (http.PeerSecret.Length is > 0 and < Streams.StreamsConfig.MinQueryHostsSecretLength)
        {
            yield return $"Http:PeerSecret must be at least {Streams.StreamsConfig.MinQueryHostsSecretLength} characters long";
        }

        if (http.MaxRequestBodyBytes < 1024)
        {
            yield return $"Http:MaxRequestBodyBytes must be at least 1024 (was {http.MaxRequestBodyBytes})";
        }
    }

    /// <summary>The cluster is chosen, not fallen back to: in Production a missing bootstrap must not become a demo.</summary>
    private IEnumerable<string> ModeProblems(WorkerOptions options)
    {
        var bootstrap = options.Streams.BootstrapServers;
        switch (options.Kafka.Mode)
        {
            case KafkaMode.Cluster when string.IsNullOrWhiteSpace(bootstrap):
                yield return "Streams:BootstrapServers must name the cluster when Kafka:Mode is Cluster (--bootstrap-servers, STREAMSAPP_Streams__BootstrapServers)";
                break;
            case KafkaMode.Embedded when !string.IsNullOrWhiteSpace(bootstrap):
                yield return $"Kafka:Mode is Embedded, which runs a cluster of its own, but Streams:BootstrapServers names one ({bootstrap}): set only one of them";
                break;
            case null when string.IsNullOrWhiteSpace(bootstrap) && environment.IsProduction():
                yield return "Streams:BootstrapServers is not set, and in the Production environment the worker does not fall back to its embedded "
                    + "demo cluster: set Streams:BootstrapServers (--bootstrap-servers, STREAMSAPP_Streams__BootstrapServers), "
                    + "or Kafka:Mode=Embedded (--kafka-mode=Embedded) to run the embedded cluster on purpose";
                break;
        }
    }
}
