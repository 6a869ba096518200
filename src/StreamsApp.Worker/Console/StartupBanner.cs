using System.Text;
using StreamsApp.Worker.Api.OpenApi;
using StreamsApp.Worker.Configuration;
using StreamsApp.Streams;

namespace StreamsApp.Worker.Console;

/// <summary>The start-up banner: mode, guarantee in force, application id, URLs, topologies. Secrets are redacted.</summary>
internal static class StartupBanner
{
    /// <summary>The banner's text.</summary>
    /// <param name="options">The worker's options.</param>
    /// <param name="bootstrapServers">The cluster in use.</param>
    /// <param name="inForce">The guarantee the runtime runs with.</param>
    /// <param name="applicationServer">This instance's application server.</param>
    /// <param name="baseUrl">The URL Kestrel actually listens on.</param>
    public static string Text(WorkerOptions options, string bootstrapServers, ProcessingGuarantee inForce, string applicationServer, string baseUrl)
    {
        var mode = options.IsEmbedded
            ? $"embedded cluster at {bootstrapServers} (in-process; in-memory schema registry)"
            : options.OnEmbeddedCluster
                ? $"embedded cluster at {bootstrapServers} (streamsapp-kafka, topic admin {options.Kafka.TopicAdminUrl}), schema registry {options.SchemaRegistry.Url}"
                : $"cluster {bootstrapServers}, schema registry {options.SchemaRegistry.Url}";
        var guarantee = inForce == options.Streams.ProcessingGuarantee
            ? inForce.ToString()
            : $"{inForce} (configured {options.Streams.ProcessingGuarantee}; not supported by this cluster)";
        var text = new StringBuilder()
            .AppendLine("==================== StreamsApp worker ====================")
            .AppendLine($"  Mode:           {mode}")
            .AppendLine($"  Guarantee:      {guarantee}")
            .AppendLine($"  Application id: {options.Streams.ApplicationId} (threads: {options.Streams.NumStreamThreads}, state: {Path.GetFullPath(options.Streams.StateDir)})")
            .AppendLine($"  Topologies:     {options.Mission.Parts}")
            .AppendLine($"  Demo traffic:   {(options.DemoEnabled ? $"{options.Demo.OrdersPerSecond} orders/s" : "off")}")
            .AppendLine($"  API key:        {(string.IsNullOrEmpty(options.Http.ApiKey) ? "off" : "required (X-Api-Key)")}")
            .AppendLine($"  HTTP:           {baseUrl}  (application server {applicationServer})")
            .AppendLine($"    GET  {baseUrl}/               (the web console)")
            .AppendLine($"    POST {baseUrl}/orders")
            .AppendLine($"    GET  {baseUrl}/health/ready   {baseUrl}/metrics")
            .AppendLine($"    GET  {baseUrl}/topology       {baseUrl}/topology?format=html")
            .AppendLine($"    GET  {baseUrl}{ApiDescription.Path} (the API description)");
        var properties = SecretRedaction.Redact(options.Kafka.Properties);
        if (properties.Count > 0)
        {
            text.AppendLine($"  Kafka:          {string.Join(", ", properties.Select(p => $"{p.Key}={p.Value}"))}");
        }

        return text.Append("===========================================================").ToString();
    }
}
