using Confluent.Kafka;
using Microsoft.AspNetCore.Http;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Runtime;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// Decides where a query is answered. A key's query goes to the worker owning the key's partition
/// (<see cref="KafkaStreams.QueryMetadataForKey{TKey}(string, TKey, ISerializer{TKey})"/>): here, or forwarded there. A
/// query over a whole store goes to every worker hosting it, each answering its local part, merged here. A request
/// another worker forwarded (its proof verified, <see cref="PeerCredentials"/>) is answered from local stores only; a
/// client's forwarded-by header is ignored. Store exceptions become 404 or 503 (<see cref="QueryProblems.For"/>).
/// </summary>
internal sealed class StoreQueryRouter(IStreamsInstance instance, OwnerForwarder forwarder, PeerCredentials peers)
{
    private static readonly ISerializer<string> KeySerializer = ContractSerdes.Key.Serializer;

    /// <summary>Answers a query about <paramref name="key"/> of <paramref name="store"/> where the key lives.</summary>
    /// <param name="context">The request, forwarded as it is when another worker owns the key.</param>
    /// <param name="store">The store.</param>
    /// <param name="key">The key.</param>
    /// <param name="answer">Reads the answer from this worker's stores.</param>
    public async Task<IResult> ByKeyAsync(HttpContext context, string store, string key, Func<KafkaStreams, IResult> answer)
    {
        if (Check(store) is { } problem)
        {
            return problem;
        }

        try
        {
            var streams = instance.Streams!;
            var owner = streams.QueryMetadataForKey(store, key, KeySerializer).ActiveHost;
            if (owner == HostInfo.Unavailable)
            {
                return OwnerUnknown(store);
            }

            if (IsThisInstance(owner))
            {
                context.Response.Headers[QueryHeaders.ServedBy] = instance.ApplicationServer;
                return answer(streams);
            }

            if (IsForwarded(context))
            {
                return QueryProblems.Unavailable("Owner moved", $"{owner} owns this key of store '{store}' now, not this instance; a forwarded request is not forwarded again");
            }

            return await forwarder.RelayAsync(context, owner).ConfigureAwait(false);
        }
        catch (InvalidStateStoreException e)
        {
            return QueryProblems.For(e, store);
        }
    }

    /// <summary>Answers a query over the whole of <paramref name="store"/>: every hosting worker's local part, merged.</summary>
    /// <typeparam name="TPart">A part and the merged answer alike (JSON both ways with <see cref="ContractJson"/>).</typeparam>
    /// <param name="context">The request, forwarded as it is to the other workers.</param>
    /// <param name="store">The store.</param>
    /// <param name="localPart">Reads this worker's part.</param>
    /// <param name="merge">Merges the parts.</param>
    public async Task<IResult> FromAllAsync<TPart>(HttpContext context, string store, Func<KafkaStreams, TPart> localPart, Func<IReadOnlyList<TPart>, TPart> merge)
        where TPart : class
    {
        if (Check(store) is { } problem)
        {
            return problem;
        }

        try
        {
            var streams = instance.Streams!;
            if (IsForwarded(context))
            {
                return Results.Json(localPart(streams), ContractJson.Options);
            }

            var hosts = streams.StreamsMetadataForStore(store).Select(m => m.HostInfo).Distinct().ToList();
            if (hosts.Count == 0 || hosts.Contains(HostInfo.Unavailable))
            {
                return OwnerUnknown(store);
            }

            // Other workers are asked concurrently; this worker reads its part meanwhile.
            var remote = hosts.Where(h => !IsThisInstance(h)).Select(h => forwarder.FetchPartAsync<TPart>(context, h)).ToList();
            var parts = new List<TPart>();
            if (hosts.Any(IsThisInstance))
            {
                parts.Add(localPart(streams));
            }

            foreach (var (part, failure) in await Task.WhenAll(remote).ConfigureAwait(false))
            {
                if (failure is not null)
                {
                    return failure;
                }

                parts.Add(part!);
            }

            return Results.Json(merge(parts), ContractJson.Options);
        }
        catch (InvalidStateStoreException e)
        {
            return QueryProblems.For(e, store);
        }
    }

    /// <summary>A 404 or 503 when the store cannot be asked at all: not in the running topology, runtime not running.</summary>
    private IResult? Check(string store)
    {
        if (!instance.Description.Subtopologies.Any(s => s.Nodes.Any(n => n.Stores.Contains(store))))
        {
            return QueryProblems.NotFound($"Store '{store}' is not part of the running topology (see Mission:Parts)");
        }

        return instance.Streams is null || instance.State != KafkaStreamsState.Running && instance.State != KafkaStreamsState.Rebalancing
            ? QueryProblems.Unavailable("Streams not running", $"The streams runtime is {instance.State}, not running")
            : null;
    }

    private bool IsThisInstance(HostInfo host) => HostInfo.TryParse(instance.ApplicationServer, out var self) && self == host;

    private bool IsForwarded(HttpContext context) => peers.IsFromPeer(context);

    private static IResult OwnerUnknown(string store) =>
        QueryProblems.Unavailable("Owner unknown", $"No instance claims store '{store}' for this query now (starting or rebalancing)");
}
