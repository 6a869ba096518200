using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamsApp.Worker.Hosting;
using static StreamsApp.Worker.Tests.Deployment.RepositoryFiles;

namespace StreamsApp.Worker.Tests.Deployment;

/// <summary>
/// The Dockerfile, the compose file and the Kubernetes example, read as their tools would (Docker cannot run here):
/// what each must hold for the worker to build, keep its state, find its peers and shut down cleanly.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private const string StateDir = "/var/lib/streamsapp";

    [Fact]
    public void The_Dockerfile_restores_every_project_the_worker_needs_before_it_copies_the_sources()
    {
        var lines = Text("Dockerfile").Split('\n');
        var restore = Array.FindIndex(lines, line => line.StartsWith("RUN dotnet restore src/StreamsApp.Worker -r linux-x64", StringComparison.Ordinal));
        var sources = Array.FindIndex(lines, line => line.Trim() == "COPY . .");
        var copiedFirst = lines.Take(restore).Where(line => line.StartsWith("COPY ", StringComparison.Ordinal)).SelectMany(line => line.Split(' ')[1..^1]).ToHashSet();

        Assert.InRange(restore, 1, sources - 1);
        Assert.All(WorkerProjects().Append("Directory.Build.props").Append("Directory.Packages.props"), path => Assert.Contains(path, copiedFirst));
        Assert.Contains(lines, line => line.Contains("dotnet publish src/StreamsApp.Worker -c Release -r linux-x64 --self-contained false --no-restore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_image_runs_on_a_chiseled_base_as_a_non_root_user_with_its_state_in_a_volume()
    {
        var dockerfile = Text("Dockerfile");
        var final = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", final, StringComparison.Ordinal);
        Assert.Matches(@"\nUSER [1-9][0-9]*\n", final);
        Assert.Contains($"STREAMSAPP_Streams__StateDir={StateDir}", final, StringComparison.Ordinal);
        Assert.Contains($"VOLUME {StateDir}", final, StringComparison.Ordinal);
        Assert.Contains($"--chown=1654:1654 /state {StateDir}", final, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_runs_two_workers_on_a_KRaft_broker_with_a_registry_each_named_and_given_its_shutdown_time()
    {
        var services = (Dictionary<object, object>)At(Assert.Single(Yaml("deploy/docker-compose.yml")), "services");
        var kafka = At(services, "kafka", "environment");
        var workers = services.Where(s => ((string)s.Key).StartsWith("worker-", StringComparison.Ordinal)).ToList();

        Assert.Contains("controller", (string)At(kafka, "KAFKA_PROCESS_ROLES"), StringComparison.Ordinal);
        Assert.DoesNotContain(services.Keys, key => ((string)key).Contains("zookeeper", StringComparison.Ordinal));
        Assert.Contains("schema-registry", services.Keys);
        Assert.Equal(2, workers.Count);
        foreach (var (name, worker) in workers)
        {
            Assert.Equal("kafka:9092", At(worker, "environment", "STREAMSAPP_Streams__BootstrapServers"));
            Assert.Equal("http://schema-registry:8081", At(worker, "environment", "STREAMSAPP_SchemaRegistry__Url"));
            Assert.Equal($"{name}:8080", At(worker, "environment", "STREAMSAPP_Http__ApplicationServer"));
            Assert.True(Seconds((string)At(worker, "stop_grace_period")) > ShutdownTimeout().TotalSeconds, $"{name} is stopped before its shutdown can end");
            Assert.Equal($"{name}-state:{StateDir}", Assert.Single((List<object>)At(worker, "volumes")));
        }

        Assert.Single(workers.Select(w => At(w.Value, "environment", "STREAMSAPP_Http__PeerSecret")).Distinct());
    }

    [Fact]
    public void The_StatefulSet_keeps_state_on_volumes_names_each_pod_probes_readiness_and_waits_for_shutdown()
    {
        var documents = Yaml("deploy/kubernetes/streamsapp-worker.yaml");
        var set = documents.Single(d => (string)d["kind"] == "StatefulSet");
        var headless = documents.Single(d => (string)d["kind"] == "Service" && At(d, "spec") is Dictionary<object, object> spec && spec.ContainsKey("clusterIP"));
        var pod = At(set, "spec", "template", "spec");
        var container = (Dictionary<object, object>)Assert.Single((List<object>)At(pod, "containers"));
        var env = ((List<object>)container["env"]).Cast<Dictionary<object, object>>().ToDictionary(e => (string)e["name"]);

        Assert.Equal("None", At(headless, "spec", "clusterIP"));
        Assert.Equal(At(headless, "metadata", "name"), At(set, "spec", "serviceName"));
        Assert.Equal("metadata.name", At(env["POD_NAME"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal($"$(POD_NAME).{At(headless, "metadata", "name")}:8080", env["STREAMSAPP_Http__ApplicationServer"]["value"]);
        Assert.Equal("/health/ready", At(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", At(container, "livenessProbe", "httpGet", "path"));
        var claim = (string)At(Assert.Single((List<object>)At(set, "spec", "volumeClaimTemplates")), "metadata", "name");
        var mount = (Dictionary<object, object>)Assert.Single((List<object>)container["volumeMounts"]);
        Assert.Equal((claim, StateDir), ((string)mount["name"], (string)mount["mountPath"]));
        Assert.True(int.Parse((string)At(pod, "terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture) > ShutdownTimeout().TotalSeconds);
        Assert.Equal("true", At(pod, "securityContext", "runAsNonRoot"));
    }

    /// <summary>The worker's project and every project it references, transitively, relative to the repository root.</summary>
    private static SortedSet<string> WorkerProjects()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(["src/StreamsApp.Worker/StreamsApp.Worker.csproj"]);
        while (pending.TryPop(out var project))
        {
            if (!found.Add(project))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Parse(Text(project)).Descendants("ProjectReference"))
            {
                var path = Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, directory, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
                pending.Push(path.Replace('\\', '/'));
            }
        }

        return found;
    }

    /// <summary>The host's shutdown allowance, as the worker sets it.</summary>
    private static TimeSpan ShutdownTimeout()
    {
        using var app = WorkerApp.Build(["--kafka-mode=Embedded", "--http-url=http://127.0.0.1:0"]);
        return app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
    }

    private static double Seconds(string duration) =>
        DurationFormat().Match(duration) is { Success: true } match
            ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new FormatException($"not a duration in seconds: {duration}");

    [GeneratedRegex(@"^(\d+)s$")]
    private static partial Regex DurationFormat();
}
