using System.Text;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Console;

/// <summary>The start-up banner: mode, guarantee in force, application id, URLs, topologies. Secrets are redacted.</summary>
internal static class StartupBanner
{
    /// <summary>The banner's text.</summary>
    /// <param name="options">The worker's options.</param>
    /// <param name="connection">The cluster in use.</param>
    /// <param name="instance">The running instance (for the guarantee in force).</param>
    /// <param name="baseUrl">The URL Kestrel actually listens on.</param>
    public static string Text(WorkerOptions options, KafkaConnection connection, IStreamsInstance instance, string baseUrl)
    {
        var mode = connection.IsEmbedded
            ? $"embedded cluster at {connection.BootstrapServers} (in-process; in-memory schema registry)"
            : $"cluster {connection.BootstrapServers}, schema registry {options.SchemaRegistry.Url}";
        var guarantee = instance.ProcessingGuarantee == options.Streams.ProcessingGuarantee
            ? instance.ProcessingGuarantee.ToString()
            : $"{instance.ProcessingGuarantee} (configured {options.Streams.ProcessingGuarantee}; not supported by this cluster)";
        var text = new StringBuilder()
            .AppendLine("==================== StreamsApp worker ====================")
            .AppendLine($"  Mode:           {mode}")
            .AppendLine($"  Guarantee:      {guarantee}")
            .AppendLine($"  Application id: {options.Streams.ApplicationId} (threads: {options.Streams.NumStreamThreads}, state: {Path.GetFullPath(options.Streams.StateDir)})")
            .AppendLine($"  Topologies:     {options.Mission.Parts}")
            .AppendLine($"  Demo traffic:   {(options.DemoEnabled ? $"{options.Demo.OrdersPerSecond} orders/s" : "off")}")
            .AppendLine($"  API key:        {(string.IsNullOrEmpty(options.Http.ApiKey) ? "off" : "required (X-Api-Key)")}")
            .AppendLine($"  HTTP:           {baseUrl}  (application server {instance.ApplicationServer})")
            .AppendLine($"    POST {baseUrl}/orders")
            .AppendLine($"    GET  {baseUrl}/health/ready   {baseUrl}/metrics")
            .AppendLine($"    GET  {baseUrl}/topology       {baseUrl}/topology?format=html");
        var properties = SecretRedaction.Redact(options.Kafka.Properties);
        if (properties.Count > 0)
        {
            text.AppendLine($"  Kafka:          {string.Join(", ", properties.Select(p => $"{p.Key}={p.Value}"))}");
        }

        return text.Append("===========================================================").ToString();
    }
}
