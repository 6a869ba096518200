using System.Net;
using Microsoft.OpenApi;
using StreamsApp.Worker.Tests.Api.OpenApi;

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
    public async Task TheApiDescriptionNeedsTheKeyAndDeclaresIt()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Client.GetAsync(new Uri(ApiDocument.Path, UriKind.Relative))).StatusCode);

        var api = await ApiDocument.FetchAsync(Host.Client, "k-123");

        var scheme = Assert.Single(api.Document.Components!.SecuritySchemes!).Value;
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "X-Api-Key"), (scheme.Type!.Value, scheme.In!.Value, scheme.Name));
        // The health endpoints and the console's page are answered without the key; nothing else is.
        var open = api.Operations.Where(op => op.Path.StartsWith("/health/", StringComparison.Ordinal) || op.Path == "/").ToList();
        Assert.Equal(3, open.Count);
        Assert.All(open, op => Assert.Null(op.Response(401)));
        Assert.All(api.Operations.Except(open), op =>
        {
            Assert.True(op.Response(401) is { } unauthorized && ApiOperation.IsProblem(unauthorized), $"{op.Name} declares no 401 problem");
            Assert.NotEmpty(op.Operation.Security ?? []);
        });
    }

    [Fact]
    public async Task PostingAnOrderWithoutTheKeyIsRefused()
    {
        var response = await Host.PostOrderAsync(new { customerId = "c-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
