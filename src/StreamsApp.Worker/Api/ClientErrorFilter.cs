using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StreamsApp.Worker.Api;

/// <summary>
/// Answers a request Kestrel finds malformed while the endpoint reads it (a body over <c>Http:MaxRequestBodyBytes</c>,
/// a truncated body) with its 4xx as ProblemDetails and one warning line: it is the client's mistake, not an
/// unhandled exception of the worker's to log with a stack trace.
/// </summary>
internal sealed partial class ClientErrorFilter(ILogger<ClientErrorFilter> log) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            LogRefused(log, e.StatusCode, context.Request.Method, context.Request.Path, e.Message);
            await Results.Problem(title: "Bad request", detail: e.Message, statusCode: e.StatusCode).ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string method, PathString path, string reason);
}
