namespace StreamsApp.Worker.Configuration;

/// <summary>HTTP settings (section <c>Http</c>).</summary>
public sealed class HttpOptions
{
    /// <summary>The URL Kestrel listens on (default <c>http://localhost:8080</c>).</summary>
    public string Url { get; set; } = "http://localhost:8080";

    /// <summary>
    /// host:port other instances use to reach this one (Kafka Streams' <c>application.server</c>); empty derives it
    /// from <see cref="Url"/> (a wildcard host becomes this machine's name; port 0 becomes the port Kestrel bound).
    /// </summary>
    public string ApplicationServer { get; set; } = "";

    /// <summary>
    /// The key every endpoint but health requires in the <c>X-Api-Key</c> header; empty turns the check off. Prefer
    /// <see cref="ApiKeyFile"/> or the <c>STREAMSAPP_Http__ApiKey</c> variable: a command-line flag is visible to every
    /// user of the machine.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>A file holding <see cref="ApiKey"/> (its first line), such as a mounted secret.</summary>
    public string ApiKeyFile { get; set; } = "";

    /// <summary>
    /// The secret the workers of one application share to authenticate each other: forwarded queries and the claims
    /// saying which worker owns what (decision 0021). At least 16 characters. Empty: derived from <see cref="ApiKey"/>;
    /// with no API key either, workers cannot tell each other from anyone who can reach them or write to the cluster.
    /// </summary>
    public string PeerSecret { get; set; } = "";

    /// <summary>A file holding <see cref="PeerSecret"/> (its first line).</summary>
    public string PeerSecretFile { get; set; } = "";

    /// <summary>
    /// The workers' shared secret: <see cref="PeerSecret"/>, else an HMAC of <see cref="ApiKey"/> (so that the key
    /// cannot be read back from anything a peer sees), else null (no authentication between workers).
    /// </summary>
    public string? EffectivePeerSecret =>
        PeerSecret is { Length: > 0 } secret ? secret
        : ApiKey is { Length: > 0 } apiKey
            ? Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey), "streamsapp peer secret"u8))
            : null;

    /// <summary>Largest request body accepted, in bytes (default 64 KiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The application server known from configuration: <see cref="ApplicationServer"/>, or host:port of
    /// <see cref="Url"/> with a wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) replaced by this machine's
    /// name. Empty when <see cref="Url"/> has port 0: the port is known only once Kestrel listens
    /// (<see cref="Hosting.ApplicationServerAddress"/> completes it then).
    /// </summary>
    public string EffectiveApplicationServer =>
        !string.IsNullOrWhiteSpace(ApplicationServer) ? ApplicationServer.Trim()
        : Hosting.ApplicationServerAddress.FromUrl(Url) ?? "";
}
