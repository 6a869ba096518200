using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StreamsApp.Kafka.Embedded.Internal;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded;

/// <summary>
/// <see cref="ITopicAdmin"/> for an embedded cluster in another process: a client of the topic-administration API
/// that <c>streamsapp-kafka</c> serves (it prints the URL as <c>topic.admin.url=...</c>). The mock cluster has no
/// Kafka admin API, so a worker that does not own the cluster creates its topics through this one.
/// </summary>
/// <remarks>
/// Transport failures and refusals throw <see cref="HttpRequestException"/> naming the URL; a request that gets no
/// answer within the timeout throws <see cref="TimeoutException"/>.
/// </remarks>
public sealed class EmbeddedClusterAdminClient : ITopicAdmin
{
    /// <summary>How long one request may take unless told otherwise.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    /// <summary>A client of the topic-administration API at <paramref name="adminUrl"/>.</summary>
    /// <param name="adminUrl">The printed <c>topic.admin.url</c>, e.g. <c>http://127.0.0.1:8081/admin</c>.</param>
    /// <param name="requestTimeout">How long one request may take; <see cref="DefaultRequestTimeout"/> when null.</param>
    public EmbeddedClusterAdminClient(Uri adminUrl, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(adminUrl);
        if (!adminUrl.IsAbsoluteUri || adminUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The topic admin URL must be an absolute http(s) URL (was '{adminUrl}').", nameof(adminUrl));
        }

        var timeout = requestTimeout ?? DefaultRequestTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(requestTimeout));

        // Without a trailing slash, relative paths would replace the URL's last segment ("admin").
        AdminUrl = adminUrl.AbsoluteUri.EndsWith('/') ? adminUrl : new Uri(adminUrl.AbsoluteUri + "/");
        _http = new HttpClient { Timeout = timeout };
    }

    /// <summary>The API's base URL (with a trailing slash).</summary>
    public Uri AdminUrl { get; }

    /// <inheritdoc />
    /// <remarks>The cluster behind this API is the mock, so exactly-once cannot hold on it.</remarks>
    public string? ExactlyOnceUnsupportedReason => EmbeddedTopicAdmin.MockExactlyOnceUnsupportedReason;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> GetPartitionCountsAsync(
        IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in topics.Distinct(StringComparer.Ordinal))
        {
            var url = new Uri(AdminUrl, "topics/" + Uri.EscapeDataString(topic));
            var found = await SendAsync<TopicMessage>(HttpMethod.Get, url, body: null, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                counts[topic] = found.Partitions;
            }
        }

        return counts;
    }

    /// <inheritdoc />
    /// <remarks>Configs are sent but the mock cluster ignores them (it neither compacts nor enforces retention).</remarks>
    public async Task CreateTopicsAsync(IReadOnlyCollection<TopicDefinition> topics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var url = new Uri(AdminUrl, "topics");
        foreach (var topic in topics)
        {
            var body = new TopicMessage(topic.Name, topic.Partitions, topic.Configs);
            await SendAsync<TopicMessage>(HttpMethod.Post, url, body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>The mock cluster tells no topic ids; its id is new with every start of <c>streamsapp-kafka</c>.</remarks>
    public async Task<ClusterIdentity> GetClusterIdentityAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default)
    {
        var cluster = await SendAsync<ClusterMessage>(HttpMethod.Get, new Uri(AdminUrl, "cluster"), body: null, cancellationToken)
            .ConfigureAwait(false);
        return new ClusterIdentity(cluster?.ClusterId, new Dictionary<string, Guid>());
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    // The answer, or null when the server says the thing asked for does not exist (404).
    private async Task<TResponse?> SendAsync<TResponse>(HttpMethod method, Uri url, TopicMessage? body, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound && method == HttpMethod.Get)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await RefusedAsync(response, method, url, cancellationToken).ConfigureAwait(false);
            }

            return await response.Content.ReadFromJsonAsync<TResponse>(cancellationToken).ConfigureAwait(false)
                ?? throw new HttpRequestException($"The embedded cluster's topic admin answered {method} {url} with an empty body.");
        }
        catch (HttpRequestException ex) when (ex.StatusCode is null && ex.InnerException is not null)
        {
            throw new HttpRequestException(
                $"The embedded cluster's topic admin at {AdminUrl} is unreachable ({method} {url}): {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The embedded cluster's topic admin at {AdminUrl} did not answer {method} {url} within "
                    + _http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.",
                ex);
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException($"The embedded cluster's topic admin answered {method} {url} with malformed JSON.", ex);
        }
    }

    private static async Task<HttpRequestException> RefusedAsync(
        HttpResponseMessage response, HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? reason = null;
        try
        {
            reason = JsonSerializer.Deserialize<ProblemMessage>(text)?.Detail;
        }
        catch (JsonException)
        {
            // Not a problem-details body (a proxy's page, say): the raw text is reported below.
        }

        var status = (int)response.StatusCode;
        return new HttpRequestException(
            $"The embedded cluster's topic admin refused {method} {url} with HTTP {status.ToString(CultureInfo.InvariantCulture)}: {reason ?? text}",
            inner: null,
            response.StatusCode);
    }
}
