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

    /// <summary>The key every endpoint but health requires in the <c>X-Api-Key</c> header; empty turns the check off.</summary>
    public string ApiKey { get; set; } = "";

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
