using Confluent.Kafka;
using Microsoft.AspNetCore.Http;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Hosting;
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
internal sealed class StoreQueryRouter(IKafkaStreamsInstance instance, OwnerForwarder forwarder, PeerCredentials peers)
{
    private static readonly ISerializer<string> KeySerializer = ContractSerdes.Key.Serializer;

    /// <summary>
    /// Answers a query about <paramref name="key"/> of <paramref name="store"/> where the key lives: here when this
    /// worker owns it, else at its owner. While the owner is away (unreachable, or no owner between two rebalances), a
    /// standby replica of the key's partition answers, here or forwarded, marked <see cref="QueryHeaders.Stale"/>.
    /// </summary>
    /// <param name="context">The request, forwarded as it is when another worker owns the key.</param>
    /// <param name="store">The store.</param>
    /// <param name="key">The key.</param>
    /// <param name="answer">Reads the answer from this worker's stores; its flag says whether standbys may be read.</param>
    public async Task<IResult> ByKeyAsync(HttpContext context, string store, string key, Func<KafkaStreams, bool, IResult> answer)
    {
        if (Check(store) is { } problem)
        {
            return problem;
        }

        try
        {
            var streams = instance.Streams!;
            var metadata = streams.QueryMetadataForKey(store, key, KeySerializer);
            var owner = metadata.ActiveHost;
            if (IsThisInstance(owner))
            {
                return Served(context, answer(streams, false), stale: false);
            }

            if (IsForwarded(context))
            {
                // A peer that could not reach the owner asks this worker's standby.
                return context.Request.Headers[QueryHeaders.Stale] == "true" && metadata.StandbyHosts.Any(IsThisInstance)
                    ? Served(context, answer(streams, true), stale: true)
                    : QueryProblems.Unavailable("Owner moved", $"{(owner == HostInfo.Unavailable ? "No instance" : owner)} owns this key of store '{store}' now, not this instance; a forwarded request is not forwarded again");
            }

            IResult? failure = null;
            if (owner != HostInfo.Unavailable)
            {
                var (relayed, unreachable) = await forwarder.RelayAsync(context, owner).ConfigureAwait(false);
                if (relayed is not null)
                {
                    return relayed;
                }

                failure = unreachable;
            }

            return await FromStandbyAsync(context, metadata.StandbyHosts, streams, answer).ConfigureAwait(false) ?? failure ?? OwnerUnknown(store);
        }
        catch (InvalidStateStoreException e)
        {
            return QueryProblems.For(e, store);
        }
    }

    /// <summary>
    /// Reads what the owner of <paramref name="key"/> in <paramref name="store"/> knows of it, for a request that is not
    /// itself that query (a POST that must check the key first): here when this worker owns the key, else by asking
    /// the owner for <paramref name="path"/>, a GET endpoint answering the same with <see cref="ByKeyAsync"/>. The
    /// failure is set when the owner cannot answer now (unknown, unreachable, restoring).
    /// </summary>
    /// <typeparam name="T">The answer, JSON both ways with <see cref="ContractJson"/>.</typeparam>
    /// <param name="context">The request.</param>
    /// <param name="store">The store.</param>
    /// <param name="key">The key.</param>
    /// <param name="path">The owner's GET endpoint for the key.</param>
    /// <param name="read">Reads the answer from this worker's stores; null when the key is not there.</param>
    public async Task<(T? Answer, IResult? Failure)> LookupAsync<T>(HttpContext context, string store, string key, PathString path, Func<KafkaStreams, T?> read)
        where T : class
    {
        if (Check(store) is { } problem)
        {
            return (null, problem);
        }

        try
        {
            var streams = instance.Streams!;
            var owner = streams.QueryMetadataForKey(store, key, KeySerializer).ActiveHost;
            if (IsThisInstance(owner))
            {
                return (read(streams), null);
            }

            if (owner == HostInfo.Unavailable)
            {
                return (null, OwnerUnknown(store));
            }

            var (answer, _, failure) = await forwarder.FetchAsync<T>(context, owner, path).ConfigureAwait(false);
            return (answer, failure);
        }
        catch (InvalidStateStoreException e)
        {
            return (null, QueryProblems.For(e, store));
        }
    }

    /// <summary>The first answer a standby of the key's partition gives, this worker's first; null when none can.</summary>
    private async Task<IResult?> FromStandbyAsync(HttpContext context, IReadOnlyList<HostInfo> standbys, KafkaStreams streams, Func<KafkaStreams, bool, IResult> answer)
    {
        if (standbys.Any(IsThisInstance))
        {
            return Served(context, answer(streams, true), stale: true);
        }

        foreach (var standby in standbys)
        {
            var (relayed, _) = await forwarder.RelayAsync(context, standby, standby: true).ConfigureAwait(false);
            if (relayed is { StatusCode: not StatusCodes.Status503ServiceUnavailable })
            {
                return relayed;
            }
        }

        return null;
    }

    private IResult Served(HttpContext context, IResult result, bool stale)
    {
        context.Response.Headers[QueryHeaders.ServedBy] = instance.ApplicationServer;
        if (stale)
        {
            context.Response.Headers[QueryHeaders.Stale] = "true";
        }

        return result;
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
