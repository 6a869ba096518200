using Microsoft.Extensions.Configuration;
using StreamsApp.Worker.Configuration;

namespace StreamsApp.Worker.Hosting;

/// <summary>
/// <c>--healthcheck</c>: asks the worker configured like this process for <c>/health/ready</c> and exits 0 when ready,
/// 1 otherwise. The container's HEALTHCHECK uses it, since the runtime image has no curl.
/// </summary>
internal static class HealthProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder();
        WorkerConfiguration.Apply(configuration, Path.Combine(AppContext.BaseDirectory, "appsettings.json"), args);
        var http = configuration.Build().GetSection("Http").Get<HttpOptions>() ?? new HttpOptions();
        var url = new UriBuilder(http.Url);
        // A wildcard listen address is reached through loopback.
        if (url.Host is "0.0.0.0" or "+" or "*" or "[::]")
        {
            url.Host = "127.0.0.1";
        }

        url.Path = "/health/ready";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url.Uri).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
