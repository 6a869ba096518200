using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace StreamsApp.Worker.Api;

/// <summary>
/// Requires the configured API key in the <c>X-Api-Key</c> header on every endpoint except those marked
/// <see cref="IAllowAnonymous"/> (<c>AllowAnonymous()</c>: <c>/health/*</c>, which orchestrators probe without
/// credentials, and the web console's page, which holds no data and asks for the key), or a worker's proof
/// (<see cref="PeerCredentials"/>) on a query another worker forwards. The comparison takes the same time whatever
/// the key sent.
/// </summary>
internal sealed class ApiKeyFilter(string apiKey, PeerCredentials peers) : IMiddleware
{
    /// <summary>The header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null || Matches(context.Request.Headers[Header].ToString()) || peers.IsFromPeer(context))
        {
            return next(context);
        }

        return Results.Problem(title: "Unauthorized", detail: $"Send the API key in the {Header} header", statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(context);
    }

    // Hashing first gives both sides one length, so FixedTimeEquals does not leak the key's length either.
    private bool Matches(string sent) =>
        sent.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), _expected);
}
