using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StreamsApp.Worker.Api;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Tests.Api;

/// <summary>A worker's proof holds for its own request only, for a minute, under the workers' shared secret.</summary>
public sealed class PeerCredentialsTests
{
    private const string Forwarder = "worker-a:8080";
    private const string Path = "/orders/o-1?x=1";
    private readonly SettableTime _time = new(DateTimeOffset.Parse("2026-12-06T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void AProofVerifiesForTheRequestItWasMadeFor()
    {
        var peers = Peers(apiKey: "key-1");

        Assert.True(peers.IsFromPeer(Request(Forwarder, "/orders/o-1", "?x=1", peers.Proof(Forwarder, Path))));
    }

    [Fact]
    public void AProofDoesNotVerifyForAnotherPathForwarderOrSecret()
    {
        var peers = Peers(apiKey: "key-1");
        var proof = peers.Proof(Forwarder, Path);

        Assert.False(peers.IsFromPeer(Request(Forwarder, "/orders/o-2", "?x=1", proof)));
        Assert.False(peers.IsFromPeer(Request("evil:1", "/orders/o-1", "?x=1", proof)));
        Assert.False(Peers(apiKey: "key-2").IsFromPeer(Request(Forwarder, "/orders/o-1", "?x=1", proof)));
        Assert.False(Peers(apiKey: "key-1", peerSecret: "a-peer-secret-0123").IsFromPeer(Request(Forwarder, "/orders/o-1", "?x=1", proof)));
        Assert.False(peers.IsFromPeer(Request(Forwarder, "/orders/o-1", "?x=1", "")));
        Assert.False(peers.IsFromPeer(Request(Forwarder, "/orders/o-1", "?x=1", "garbage")));
    }

    [Fact]
    public void AProofExpiresAfterAMinute()
    {
        var peers = Peers(apiKey: "key-1");
        var proof = peers.Proof(Forwarder, Path);

        _time.Now += TimeSpan.FromSeconds(59);
        Assert.True(peers.IsFromPeer(Request(Forwarder, "/orders/o-1", "?x=1", proof)));
        _time.Now += TimeSpan.FromSeconds(2);
        Assert.False(peers.IsFromPeer(Request(Forwarder, "/orders/o-1", "?x=1", proof)));
    }

    [Fact]
    public void TheSharedSecretIsThePeerSecretElseDerivedFromTheApiKeyElseNone()
    {
        Assert.Equal("a-peer-secret-0123", Options("key-1", "a-peer-secret-0123").Http.EffectivePeerSecret);
        var derived = Options("key-1", "").Http.EffectivePeerSecret;
        Assert.NotNull(derived);
        Assert.DoesNotContain("key-1", derived, StringComparison.Ordinal);
        Assert.NotEqual(derived, Options("key-2", "").Http.EffectivePeerSecret);
        Assert.Null(Options("", "").Http.EffectivePeerSecret);
    }

    [Fact]
    public void AProofIsNeverAcceptedForAnythingButAGet()
    {
        var peers = Peers(apiKey: "key-1");
        var request = Request(Forwarder, "/orders/o-1", "?x=1", peers.Proof(Forwarder, Path));
        request.Request.Method = "POST";

        Assert.False(peers.IsFromPeer(request));
    }

    private PeerCredentials Peers(string apiKey, string peerSecret = "") => new(Microsoft.Extensions.Options.Options.Create(Options(apiKey, peerSecret)), _time);

    private static WorkerOptions Options(string apiKey, string peerSecret) => new() { Http = new HttpOptions { ApiKey = apiKey, PeerSecret = peerSecret } };

    private static DefaultHttpContext Request(string forwardedBy, string path, string query, string proof)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers[PeerCredentials.ForwardedByHeader] = forwardedBy;
        context.Request.Headers[PeerCredentials.Header] = proof;
        return context;
    }

    private sealed class SettableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
