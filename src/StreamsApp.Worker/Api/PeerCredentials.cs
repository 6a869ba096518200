using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Api;

/// <summary>
/// How workers prove to each other that a request comes from a worker (decision 0021). A forwarded query carries
/// <see cref="Header"/>: the time it was sent and an HMAC-SHA256, under the workers' shared secret, of that time, the
/// forwarder's application server and the path and query. The owner accepts it instead of the API key, which never
/// leaves the worker the client sent it to, and only then treats the request as forwarded
/// (<see cref="ForwardedByHeader"/> from anyone else is ignored). The secret is <c>Http:PeerSecret</c>, else
/// one derived from <c>Http:ApiKey</c>; with neither, one derived from the application id, which anyone can compute.
/// The same secret signs the query-host claims that say where to forward (<see cref="HttpOptions.EffectivePeerSecret"/>).
/// </summary>
internal sealed class PeerCredentials
{
    /// <summary>The header carrying the proof: <c>&lt;unix seconds&gt;.&lt;base64url HMAC&gt;</c>.</summary>
    public const string Header = "X-StreamsApp-Peer";

    /// <summary>The header naming the forwarding worker's application server, which the proof covers.</summary>
    public const string ForwardedByHeader = "X-StreamsApp-Forwarded-By";

    /// <summary>How far a proof's time may be from the receiver's clock: a captured proof is worthless after it.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(60);

    private static readonly object VerifiedKey = new();
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public PeerCredentials(IOptions<WorkerOptions> options, TimeProvider time)
    {
        var worker = options.Value;
        _key = SHA256.HashData(Encoding.UTF8.GetBytes(worker.Http.EffectivePeerSecret ?? $"streamsapp-open|{worker.Streams.ApplicationId}"));
        _time = time;
    }

    /// <summary>The proof for a request this worker (<paramref name="forwardedBy"/>) sends to another.</summary>
    public string Proof(string forwardedBy, string pathAndQuery)
    {
        var time = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{time}.{Base64Url.EncodeToString(Mac(time, forwardedBy, pathAndQuery))}";
    }

    /// <summary>Whether the request comes from a worker: it carries a valid, fresh proof for its path, query and forwarder.</summary>
    public bool IsFromPeer(HttpContext context)
    {
        if (context.Items.TryGetValue(VerifiedKey, out var verified))
        {
            return (bool)verified!;
        }

        var result = Verify(context.Request);
        context.Items[VerifiedKey] = result;
        return result;
    }

    private bool Verify(HttpRequest request)
    {
        // Workers forward queries only: a proof never stands in for the key on anything else.
        if (!HttpMethods.IsGet(request.Method))
        {
            return false;
        }

        var proof = request.Headers[Header].ToString();
        var forwardedBy = request.Headers[ForwardedByHeader].ToString();
        var dot = proof.IndexOf('.', StringComparison.Ordinal);
        if (forwardedBy.Length == 0 || dot <= 0
            || !long.TryParse(proof.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !Base64Url.IsValid(proof.AsSpan(dot + 1)))
        {
            return false;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        return age.Duration() <= MaxSkew && CryptographicOperations.FixedTimeEquals(
            Base64Url.DecodeFromChars(proof.AsSpan(dot + 1)), Mac(proof[..dot], forwardedBy, PathAndQuery(request)));
    }

    /// <summary>What a proof covers of a request: path base, path and query string, as the forwarder built its URL.</summary>
    public static string PathAndQuery(HttpRequest request) => $"{request.PathBase}{request.Path}{request.QueryString}";

    private byte[] Mac(string time, string forwardedBy, string pathAndQuery) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"peer|{time}|{forwardedBy}|{pathAndQuery}"));
}
