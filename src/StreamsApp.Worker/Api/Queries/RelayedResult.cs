using Microsoft.AspNetCore.Http;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// Another worker's answer, passed on as it came: status, content type, retry advice, who served it and whether from a
/// standby, body.
/// </summary>
internal sealed class RelayedResult : IResult
{
    private readonly int _status;
    private readonly string? _contentType;
    private readonly string? _retryAfter;
    private readonly string? _servedBy;
    private readonly string? _stale;
    private readonly byte[] _body;

    /// <summary>Copies what is relayed out of <paramref name="response"/>, which may then be disposed.</summary>
    public RelayedResult(HttpResponseMessage response, byte[] body)
    {
        _status = (int)response.StatusCode;
        _contentType = response.Content.Headers.ContentType?.ToString();
        _retryAfter = response.Headers.RetryAfter?.ToString();
        _servedBy = response.Headers.TryGetValues(QueryHeaders.ServedBy, out var served) ? served.FirstOrDefault() : null;
        _stale = response.Headers.TryGetValues(QueryHeaders.Stale, out var stale) ? stale.FirstOrDefault() : null;
        _body = body;
    }

    /// <summary>The other worker's status code.</summary>
    public int StatusCode => _status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = _status;
        response.ContentType = _contentType;
        if (_retryAfter is not null)
        {
            response.Headers.RetryAfter = _retryAfter;
        }

        if (_servedBy is not null)
        {
            response.Headers[QueryHeaders.ServedBy] = _servedBy;
        }

        if (_stale is not null)
        {
            response.Headers[QueryHeaders.Stale] = _stale;
        }

        response.ContentLength = _body.Length;
        await response.Body.WriteAsync(_body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
