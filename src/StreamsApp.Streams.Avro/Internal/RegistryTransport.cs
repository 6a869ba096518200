using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>
/// One JSON request to a Schema Registry and its answer: Confluent's media types, the per-request timeout, and
/// every failure turned into a <see cref="SchemaRegistryException"/> that names the URL (transport errors) or
/// carries the registry's error code (error answers).
/// </summary>
internal sealed class RegistryTransport
{
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    private static readonly MediaTypeHeaderValue ContentType = new(MediaType);

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly TimeSpan _timeout;

    public RegistryTransport(HttpClient http, Uri baseUrl, TimeSpan timeout)
    {
        _http = http;

        // A base URL without a trailing slash would drop its last segment when relative paths are resolved.
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _timeout = timeout;
    }

    public async Task<TResponse> SendAsync<TResponse>(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var url = new Uri(_baseUrl, path);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(MediaType);
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), ContentType);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, method, url, timeout.Token).ConfigureAwait(false);
            }

            return await response.Content.ReadFromJsonAsync<TResponse>(timeout.Token).ConfigureAwait(false)
                ?? throw Unreadable(method, url, "an empty body", innerException: null);
        }
        catch (HttpRequestException ex)
        {
            throw new SchemaRegistryException(
                "Schema Registry at " + _baseUrl + " is unreachable (" + method + " " + url + "): " + ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SchemaRegistryException(
                "Schema Registry at " + _baseUrl + " did not answer " + method + " " + url + " within "
                    + _timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s",
                ex);
        }
        catch (JsonException ex)
        {
            throw Unreadable(method, url, "malformed JSON", ex);
        }
    }

    private static async Task<SchemaRegistryException> ErrorAsync(
        HttpResponseMessage response, HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var error = JsonSerializer.Deserialize<ErrorMessage>(text);
            if (error is { ErrorCode: > 0 })
            {
                return new SchemaRegistryException(error.ErrorCode, error.Message);
            }
        }
        catch (JsonException)
        {
            // Not the registry's error shape (a proxy's page, say): reported below with the HTTP status.
        }

        int status = (int)response.StatusCode;
        return new SchemaRegistryException(
            status,
            "Schema Registry answered " + method + " " + url + " with HTTP " + status.ToInvariantString() + ": " + text);
    }

    private static SchemaRegistryException Unreadable(HttpMethod method, Uri url, string what, Exception? innerException)
    {
        var message = "Schema Registry answered " + method + " " + url + " with " + what;
        return innerException is null
            ? new SchemaRegistryException(message)
            : new SchemaRegistryException(message, innerException);
    }
}
