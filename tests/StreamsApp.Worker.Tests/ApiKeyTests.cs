using System.Net;

namespace StreamsApp.Worker.Tests;

/// <summary>A worker with an API key; the runtime need not be ready for these checks.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private WorkerHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkerHost.StartAsync("--api-key=k-123", "--demo=false");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Unauthorized)]
    [InlineData("k-12", HttpStatusCode.Unauthorized)]
    [InlineData("k-123", HttpStatusCode.OK)]
    public async Task EveryEndpointButHealthNeedsTheKey(string? key, HttpStatusCode expected)
    {
        foreach (var path in new[] { "/topology", "/metrics" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            Assert.Equal(expected, (await _host.Client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PostingAnOrderWithoutTheKeyIsRefused()
    {
        var response = await _host.PostOrderAsync(new { customerId = "c-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
