using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// Works out this instance's <c>application.server</c> (host:port other instances forward queries to) from the
/// HTTP settings and, when <c>Http:Url</c> asks for port 0, from the address Kestrel actually bound.
/// </summary>
internal static class ApplicationServerAddress
{
    private static readonly string[] WildcardHosts = ["0.0.0.0", "[::]", "::", "+", "*"];

    /// <summary>host:port of <paramref name="url"/>, a wildcard host replaced by this machine's name; null for port 0 or no URL.</summary>
    /// <param name="url">A URL as Kestrel takes it (<c>http://+:8080</c> too).</param>
    public static string? FromUrl(string url)
    {
        // Kestrel's wildcard prefixes are not valid URI hosts; any wildcard means "every interface" all the same.
        var parsable = url.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        var host = WildcardHosts.Contains(uri.Host) ? Environment.MachineName : uri.Host;
        return $"{host}:{uri.Port}";
    }

    /// <summary>
    /// The application server in force: the configured or URL-derived one, else host:port of the first address the
    /// server listens on (<c>Http:Url</c> with port 0).
    /// </summary>
    /// <param name="http">The HTTP settings.</param>
    /// <param name="listeningAddresses">The server's bound addresses (IServerAddressesFeature), once it listens.</param>
    /// <exception cref="InvalidOperationException">Neither the settings nor the bound addresses give a host:port.</exception>
    public static string Resolve(HttpOptions http, IEnumerable<string> listeningAddresses)
    {
        if (http.EffectiveApplicationServer is { Length: > 0 } configured)
        {
            return configured;
        }

        return listeningAddresses.Select(FromUrl).FirstOrDefault(a => a is not null)
            ?? throw new InvalidOperationException($"Http:Url '{http.Url}' gives no host:port for other instances; set Http:ApplicationServer");
    }
}
