using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamsApp.Streams;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;
using static StreamsApp.Worker.Tests.Deployment.RepositoryFiles;

namespace StreamsApp.Worker.Tests.Deployment;

/// <summary>
/// The settings the image, the compose file and the StatefulSet give the worker, read by the worker as it would read
/// them in its container: a misspelt key or a value it refuses would stop every container at start.
/// </summary>
public sealed partial class DeploymentSettingsTests
{
    [Theory]
    [InlineData("worker-1")]
    [InlineData("worker-2")]
    public void Each_compose_worker_starts_on_its_settings_as_an_exactly_once_cluster_member_named_after_its_service(string service)
    {
        var environment = (Dictionary<object, object>)At(Assert.Single(Yaml("deploy/docker-compose.yml")), "services", service, "environment");
        var settings = environment.ToDictionary(e => (string)e.Key, e => Interpolated((string)e.Value));

        var worker = Read(settings);

        Assert.Equal(KafkaMode.Cluster, worker.Kafka.Mode);
        Assert.Equal("kafka:9092", worker.Streams.BootstrapServers);
        Assert.Equal(ProcessingGuarantee.ExactlyOnceV2, worker.Streams.ProcessingGuarantee);
        Assert.Equal($"{service}:8080", worker.Http.EffectiveApplicationServer);
        Assert.NotEmpty(worker.Http.PeerSecret);
    }

    [Fact]
    public void A_StatefulSet_pod_starts_on_its_config_map_and_env_as_an_exactly_once_cluster_member_named_after_the_pod()
    {
        var documents = Yaml("deploy/kubernetes/streamsapp-worker.yaml");
        var configMap = (Dictionary<object, object>)At(documents.Single(d => (string)d["kind"] == "ConfigMap"), "data");
        var container = (Dictionary<object, object>)Assert.Single((List<object>)At(
            documents.Single(d => (string)d["kind"] == "StatefulSet"), "spec", "template", "spec", "containers"));
        var settings = configMap.ToDictionary(e => (string)e.Key, e => (string)e.Value);
        foreach (var variable in ((List<object>)container["env"]).Cast<Dictionary<object, object>>())
        {
            // Kubernetes fills in what the pod is given: its name from the field reference, the secret from the Secret.
            settings[(string)variable["name"]] = variable.TryGetValue("value", out var value)
                ? ((string)value).Replace("$(POD_NAME)", "streamsapp-worker-1", StringComparison.Ordinal)
                : variable["name"] is "POD_NAME" ? "streamsapp-worker-1" : "a-secret-from-the-secret-store";
        }

        var worker = Read(settings);

        Assert.Equal(KafkaMode.Cluster, worker.Kafka.Mode);
        Assert.Equal(ProcessingGuarantee.ExactlyOnceV2, worker.Streams.ProcessingGuarantee);
        Assert.Equal(1, worker.Streams.NumStandbyReplicas);
        Assert.Equal("streamsapp-worker-1.streamsapp-worker-headless:8080", worker.Http.EffectiveApplicationServer);
        Assert.Equal("a-secret-from-the-secret-store", worker.Http.PeerSecret);
    }

    [Fact]
    public void A_misspelt_setting_in_a_deployment_file_would_stop_the_worker()
    {
        var problem = Assert.Throws<OptionsValidationException>(() => Read(new Dictionary<string, string>
        {
            ["STREAMSAPP_Kafka__Mode"] = "Cluster",
            ["STREAMSAPP_Streams__BootstrapServers"] = "kafka:9092",
            ["STREAMSAPP_Streams__ProcesingGuarantee"] = "ExactlyOnceV2",
        }));

        Assert.Contains("Streams:ProcessingGuarantee", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The worker's options from the image's ENV lines and <paramref name="variables"/>, each STREAMSAPP_ variable given
    /// as the flag it maps to (<c>STREAMSAPP_Streams__StateDir</c> is <c>--Streams:StateDir</c>) rather than set in the
    /// test process's environment, which the other tests share.
    /// </summary>
    private static WorkerOptions Read(IReadOnlyDictionary<string, string> variables)
    {
        var image = ImageEnvironment().Concat(variables).ToDictionary(v => v.Key, v => v.Value);
        Assert.All(image.Keys.Where(k => k != "POD_NAME"), key => Assert.StartsWith(WorkerConfiguration.EnvironmentPrefix, key, StringComparison.Ordinal));
        var args = image.Where(v => v.Key != "POD_NAME")
            .Select(v => $"--{v.Key[WorkerConfiguration.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)}={v.Value}")
            .ToArray();
        using var app = WorkerApp.Build(args);
        return app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
    }

    /// <summary>The variables the image's ENV instructions set.</summary>
    private static IEnumerable<KeyValuePair<string, string>> ImageEnvironment() =>
        EnvAssignment().Matches(Text("Dockerfile")[Text("Dockerfile").LastIndexOf("\nFROM ", StringComparison.Ordinal)..])
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value));

    /// <summary>Compose's <c>${VARIABLE:-default}</c> as compose reads it with the variable unset.</summary>
    private static string Interpolated(string value) => ComposeDefault().Replace(value, m => m.Groups[1].Value);

    [GeneratedRegex(@"(STREAMSAPP_\w+)=(\S+)")]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"\$\{\w+:-([^}]*)\}")]
    private static partial Regex ComposeDefault();
}
