using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams.Hosting;
using StreamsApp.Streams.Runtime;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// Sends a query on to the worker that owns its key (its <c>application.server</c>): the same path and query string,
/// <see cref="QueryHeaders.ForwardedBy"/> so that the owner answers from its own stores and never forwards further, and
/// this worker's proof (<see cref="PeerCredentials"/>) in place of the client's API key, which stays here. An owner
/// that cannot be reached is a 503 naming it. A request to a standby replica says that a stale answer is accepted
/// (<see cref="QueryHeaders.Stale"/>).
/// </summary>
internal sealed partial class OwnerForwarder(
    IHttpClientFactory clients, IKafkaStreamsInstance instance, PeerCredentials peers, IOptions<WorkerOptions> options, ILogger<OwnerForwarder> log)
{
    /// <summary>The named HttpClient forwarding uses.</summary>
    public const string ClientName = "streamsapp-query-forwarding";

    /// <summary>How long an owner has to answer: short, since the client waits on both hops.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The largest answer relayed (a page of <see cref="QueryInput.MaxLimit"/> sagas is far smaller).</summary>
    public const long MaxAnswerBytes = 16 * 1024 * 1024;

    // Workers are configured alike: the owner speaks the scheme this worker listens with.
    private readonly string _scheme = Uri.TryCreate(options.Value.Http.Url, UriKind.Absolute, out var url) ? url.Scheme : Uri.UriSchemeHttp;

    /// <summary>
    /// Forwards the request to <paramref name="host"/> and relays its status, body and retry advice; the answer is
    /// null with the 503 to give instead when the host cannot be reached.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="host">The owner, or a standby of the key's partition.</param>
    /// <param name="standby">Whether <paramref name="host"/> is asked as a standby, which may answer with stale data.</param>
    public async Task<(RelayedResult? Answer, IResult? Unreachable)> RelayAsync(HttpContext context, HostInfo host, bool standby = false)
    {
        try
        {
            using var response = await SendAsync(context, host, standby).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
            return (new RelayedResult(response, body), null);
        }
        catch (Exception e) when (IsUnreachable(e, context))
        {
            return (null, Unreachable(host, e));
        }
    }

    /// <summary>Fetches the owner's local part of a query answered by every worker; a failure is the answer to give instead.</summary>
    public async Task<(T? Part, IResult? Failure)> FetchPartAsync<T>(HttpContext context, HostInfo host)
        where T : class
    {
        try
        {
            using var response = await SendAsync(context, host).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The host's own reason (restoring, not running) is the reason the whole answer cannot be given.
                var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
                return (null, new RelayedResult(response, body));
            }

            var part = await response.Content.ReadFromJsonAsync<T>(ContractJson.Options, context.RequestAborted).ConfigureAwait(false);
            return part is null ? (null, Unreachable(host, new JsonException("empty answer"))) : (part, null);
        }
        catch (Exception e) when (IsUnreachable(e, context) || e is JsonException)
        {
            return (null, Unreachable(host, e));
        }
    }

    /// <summary>
    /// Asks <paramref name="host"/> for <paramref name="path"/> (GET, as a forwarded query), for a request of another
    /// path that needs an owner's answer: null with the failure when the host cannot answer, or answers 404 (nothing).
    /// </summary>
    public async Task<(T? Answer, bool Found, IResult? Failure)> FetchAsync<T>(HttpContext context, HostInfo host, PathString path)
        where T : class
    {
        try
        {
            using var response = await SendAsync(context, host, path: path).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return (null, false, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
                return (null, false, new RelayedResult(response, body));
            }

            var answer = await response.Content.ReadFromJsonAsync<T>(ContractJson.Options, context.RequestAborted).ConfigureAwait(false);
            return answer is null ? (null, false, Unreachable(host, new JsonException("empty answer"))) : (answer, true, null);
        }
        catch (Exception e) when (IsUnreachable(e, context) || e is JsonException)
        {
            return (null, false, Unreachable(host, e));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContext context, HostInfo owner, bool standby = false, PathString? path = null)
    {
        var request = context.Request;
        var (pathBase, pathOnly, query) = path is { } other ? (PathString.Empty, other, QueryString.Empty) : (request.PathBase, request.Path, request.QueryString);
        var target = UriHelper.BuildAbsolute(_scheme, new HostString(owner.Host, owner.Port), pathBase, pathOnly, query);
        using var message = new HttpRequestMessage(HttpMethod.Get, target);
        var self = instance.ApplicationServer ?? string.Empty;
        message.Headers.Add(QueryHeaders.ForwardedBy, self);
        message.Headers.Add(PeerCredentials.Header, peers.Proof(self, $"{pathBase}{pathOnly}{query}"));
        if (standby)
        {
            message.Headers.Add(QueryHeaders.Stale, "true");
        }

        LogForwarding(log, pathOnly, owner);
        return await clients.CreateClient(ClientName).SendAsync(message, context.RequestAborted).ConfigureAwait(false);
    }

    // A timeout surfaces as a cancellation the client did not ask for.
    private static bool IsUnreachable(Exception e, HttpContext context) =>
        e is HttpRequestException || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested);

    private IResult Unreachable(HostInfo owner, Exception e)
    {
        LogUnreachable(log, owner, e.Message);
        var reason = e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message;
        return QueryProblems.Unavailable("Owner unreachable", $"The instance that owns the data, {owner}, could not be reached: {reason}");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarding query {Path} to its owner {Owner}")]
    private static partial void LogForwarding(ILogger logger, PathString path, HostInfo owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query owner {Owner} unreachable: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, HostInfo owner, string reason);
}
