using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Api.Queries;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.WebConsole;

/// <summary>
/// Every worker's <see cref="WorkerActivity"/>: this one's read here, the others' asked for at
/// <see cref="ConsoleEndpoints.ActivityPath"/> as forwarded queries (with this worker's proof, never the client's key).
/// A worker that does not answer is listed as unreachable rather than failing the whole picture.
/// </summary>
internal sealed class ClusterActivityReader(IKafkaStreamsInstance instance, OwnerForwarder forwarder, IOptions<WorkerOptions> options)
{
    /// <summary>This worker's activity.</summary>
    public WorkerActivity ReadLocal() => WorkerActivityReader.Read(instance, options.Value.Streams.ApplicationId);

    /// <summary>Every worker's activity, this one's first; <paramref name="context"/> is the request the others are asked for.</summary>
    public async Task<ClusterActivity> ReadAsync(HttpContext context)
    {
        var local = ReadLocal();
        var others = (instance.Streams?.MetadataForAllStreamsClients() ?? [])
            .Select(metadata => metadata.HostInfo)
            .Where(host => host != HostInfo.Unavailable && host.ToString() != local.Address)
            .Distinct()
            .OrderBy(host => host.ToString(), StringComparer.Ordinal)
            .ToList();
        var answers = await Task.WhenAll(others.Select(host => forwarder.FetchAsync<WorkerActivity>(context, host, ConsoleEndpoints.ActivityPath))).ConfigureAwait(false);
        var workers = new List<WorkerActivity> { local };
        var unreachable = new List<string>();
        foreach (var (host, (answer, _, _)) in others.Zip(answers))
        {
            if (answer is null)
            {
                unreachable.Add(host.ToString());
            }
            else
            {
                workers.Add(answer);
            }
        }

        return new ClusterActivity(workers, unreachable);
    }
}

/// <summary>Every worker's activity at one moment.</summary>
/// <param name="Workers">The workers that answered, the one asked first.</param>
/// <param name="Unreachable">Workers the metadata names that did not answer (leaving, or down).</param>
internal sealed record ClusterActivity(IReadOnlyList<WorkerActivity> Workers, IReadOnlyList<string> Unreachable);
