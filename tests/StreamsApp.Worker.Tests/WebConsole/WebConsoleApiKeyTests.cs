using System.Net;
using StreamsApp.Worker.Tests.Api;

namespace StreamsApp.Worker.Tests.WebConsole;

/// <summary>Behind an API key, the console's page and assets are open (they hold no data) and its data is not.</summary>
public sealed class WebConsoleApiKeyTests(ApiKeyWorkerFixture fixture) : IClassFixture<ApiKeyWorkerFixture>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/console/assets/main.js", HttpStatusCode.OK)]
    [InlineData("/console/assets/console.css", HttpStatusCode.OK)]
    [InlineData("/console/live", HttpStatusCode.Unauthorized)]
    [InlineData("/console/activity", HttpStatusCode.Unauthorized)]
    [InlineData("/orders?limit=5", HttpStatusCode.Unauthorized)]
    public async Task Only_the_page_and_its_assets_are_served_without_the_key(string path, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.Client.BaseAddress };
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task With_the_key_the_feed_answers()
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.Client.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", "k-123");
        using var response = await client.GetAsync(new Uri("/console/activity", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
