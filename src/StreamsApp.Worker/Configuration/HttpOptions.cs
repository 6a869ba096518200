namespace StreamsApp.Worker.Configuration;

/// <summary>HTTP settings (section <c>Http</c>).</summary>
public sealed class HttpOptions
{
    /// <summary>The URL Kestrel listens on (default <c>http://localhost:8080</c>).</summary>
    public string Url { get; set; } = "http://localhost:8080";

    /// <summary>
    /// host:port other instances use to reach this one (Kafka Streams' <c>application.server</c>); empty derives it
    /// from <see cref="Url"/>.
    /// </summary>
    public string ApplicationServer { get; set; } = "";

    /// <summary>The key every endpoint but health requires in the <c>X-Api-Key</c> header; empty turns the check off.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Largest request body accepted, in bytes (default 64 KiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The application server in force: <see cref="ApplicationServer"/> or host:port of <see cref="Url"/>.</summary>
    public string EffectiveApplicationServer =>
        !string.IsNullOrWhiteSpace(ApplicationServer) ? ApplicationServer
        : Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? $"{uri.Host}:{uri.Port}" : "";
}
