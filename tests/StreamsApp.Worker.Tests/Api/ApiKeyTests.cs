using System.Net;

namespace StreamsApp.Worker.Tests.Api;

public sealed class ApiKeyTests(ApiKeyWorkerFixture fixture) : IClassFixture<ApiKeyWorkerFixture>
{
    private WorkerHost Host => fixture.Host;

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

            Assert.Equal(expected, (await Host.Client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Host.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PostingAnOrderWithoutTheKeyIsRefused()
    {
        var response = await Host.PostOrderAsync(new { customerId = "c-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
