using System.Net;
using System.Text.Json;
using StreamsApp.Streams.Hosting;
using StreamsApp.Worker.Api;
using StreamsApp.Worker.Api.Queries;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Api.Queries;

/// <summary>A key owned by another host is fetched from it; whole-store queries ask every host (see <see cref="ForwardingFixture"/>).</summary>
public sealed class ForwardingTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    private const string DeadHost = "127.0.0.1:1";

    [Fact]
    public async Task AKeyOwnedElsewhereIsForwardedWithThisWorkersProofNotTheApiKeyAndItsAnswerRelayed()
    {
        await fixture.ClaimPartitionOneAsync(fixture.Owner.Address);
        fixture.Owner.Answers[$"/orders/{fixture.RemoteKey}"] = (200, "{\"orderId\":\"from-owner\"}", new() { [QueryHeaders.ServedBy] = fixture.Owner.Address });

        var remote = await GetAsync($"/orders/{fixture.RemoteKey}?x=1");
        var local = await GetAsync($"/orders/{fixture.LocalKey}");

        Assert.Equal(HttpStatusCode.OK, remote.StatusCode);
        Assert.Equal("{\"orderId\":\"from-owner\"}", await remote.Content.ReadAsStringAsync());
        Assert.Equal(fixture.Owner.Address, remote.Headers.GetValues(QueryHeaders.ServedBy).Single());
        var request = Assert.Single(
            fixture.Owner.Received, r => r.PathAndQuery.StartsWith("/orders/", StringComparison.Ordinal) && !r.PathAndQuery.EndsWith("/acceptance", StringComparison.Ordinal));
        Assert.Equal($"/orders/{fixture.RemoteKey}?x=1", request.PathAndQuery);
        Assert.Equal("", request.Headers["X-Api-Key"].ToString());
        Assert.Equal(fixture.Host.Get<IKafkaStreamsInstance>().ApplicationServer, request.Headers[QueryHeaders.ForwardedBy].ToString());
        Assert.True(fixture.Host.Get<PeerCredentials>().IsFromPeer(AsReceived(request)), "the owner cannot verify the forwarder's proof");
        // This worker's own key is answered here: no such order, and nothing sent to the other host.
        Assert.Equal(HttpStatusCode.NotFound, local.StatusCode);
    }

    [Fact]
    public async Task APostForAnOrderIdOwnedElsewhereAsksTheOwnerWhatItAcceptedUnderIt()
    {
        await fixture.ClaimPartitionOneAsync(fixture.Owner.Address);
        var path = $"/orders/{fixture.RemoteKey}/acceptance";
        fixture.Owner.Answers[path] = (200, $"{{\"orderId\":\"{fixture.RemoteKey}\",\"fingerprint\":\"another-order\"}}", []);

        var conflict = await fixture.Host.PostOrderAsync(Order(fixture.RemoteKey));
        fixture.Owner.Answers[path] = (404, "{\"title\":\"Not found\"}", []);
        var accepted = await fixture.Host.PostOrderAsync(Order(fixture.RemoteKey));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var asked = fixture.Owner.Received.Where(r => r.PathAndQuery == path).ToList();
        Assert.Equal(2, asked.Count);
        Assert.True(fixture.Host.Get<PeerCredentials>().IsFromPeer(AsReceived(asked[0])), "the owner cannot verify the asking worker's proof");
    }

    [Fact]
    public async Task AnOwnersRefusalIsRelayedWithItsRetryAdvice()
    {
        await fixture.ClaimPartitionOneAsync(fixture.Owner.Address);
        fixture.Owner.Answers[$"/sagas/{fixture.RemoteKey}"] = (503, "{\"title\":\"Store not queryable now\"}", new() { ["Retry-After"] = "7" });

        var response = await GetAsync($"/sagas/{fixture.RemoteKey}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("7", response.Headers.RetryAfter?.ToString());
        Assert.Contains("Store not queryable now", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForwardedRequestIsNeverForwardedAgain()
    {
        await fixture.ClaimPartitionOneAsync(fixture.Owner.Address);
        var before = fixture.Owner.Received.Count;
        var path = $"/customers/{fixture.RemoteKey}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(QueryHeaders.ForwardedBy, "127.0.0.1:9");
        request.Headers.Add(PeerCredentials.Header, fixture.Host.Get<PeerCredentials>().Proof("127.0.0.1:9", path));

        var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Owner moved", problem.GetProperty("title").GetString());
        Assert.Contains(fixture.Owner.Address, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Owner.Received.Count);
    }

    [Fact]
    public async Task AClientsForwardedByHeaderWithoutAProofIsIgnored()
    {
        await fixture.ClaimPartitionOneAsync(fixture.Owner.Address);
        fixture.Owner.Answers[$"/customers/{fixture.RemoteKey}"] = (200, "{\"customerId\":\"from-owner\"}", []);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/customers/{fixture.RemoteKey}", UriKind.Relative));
        request.Headers.Add(QueryHeaders.ForwardedBy, "127.0.0.1:9");

        var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"customerId\":\"from-owner\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhileTheOwnerIsUnreachableAStandbyAnswersMarkedStale()
    {
        fixture.Owner.Answers[$"/customers/{fixture.RemoteKey}"] = (200, "{\"from\":\"standby\"}", new() { [QueryHeaders.Stale] = "true" });
        await fixture.ClaimPartitionOneAsync(DeadHost);
        await fixture.ClaimStandbysOfPartitionOneAsync(fixture.Owner.Address);
        try
        {
            var response = await GetAsync($"/customers/{fixture.RemoteKey}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("standby", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("from").GetString());
            Assert.Equal("true", response.Headers.GetValues(QueryHeaders.Stale).Single());
            var asked = fixture.Owner.Received.Last(r => r.PathAndQuery == $"/customers/{fixture.RemoteKey}");
            Assert.Equal("true", asked.Headers[QueryHeaders.Stale].ToString());
        }
        finally
        {
            await fixture.ClaimStandbysOfPartitionOneAsync(fixture.Owner.Address, withdraw: true);
            fixture.Owner.Answers.TryRemove($"/customers/{fixture.RemoteKey}", out _);
        }
    }

    [Fact]
    public async Task AnUnreachableOwnerIs503NamingIt()
    {
        await fixture.ClaimPartitionOneAsync(DeadHost);

        var byKey = await GetAsync($"/orders/{fixture.RemoteKey}");
        var fanOut = await GetAsync("/sagas/statistics");

        foreach (var response in new[] { byKey, fanOut })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(QueryProblems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.RetryAfter?.ToString());
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Owner unreachable", problem.GetProperty("title").GetString());
            Assert.Contains(DeadHost, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WholeStoreQueriesMergeEveryHostsLocalPart()
    {
        await fixture.ClaimPartitionOneAsync(fixture.Owner.Address);
        fixture.Owner.Answers["/sagas/statistics"] = (200, "{\"COMPLETED\":5,\"FAILED\":2}", []);
        fixture.Owner.Answers["/sagas"] = (200, "{\"items\":[{\"sagaId\":\"s-b\"},{\"sagaId\":\"s-a\"}],\"truncated\":false}", []);

        var statistics = JsonDocument.Parse(await (await GetAsync("/sagas/statistics")).Content.ReadAsStringAsync()).RootElement;
        var sagas = JsonDocument.Parse(await (await GetAsync("/sagas?state=COMPLETED&limit=1")).Content.ReadAsStringAsync()).RootElement;

        // This worker has no sagas: the totals are the other host's, every state listed.
        Assert.Equal(5, statistics.GetProperty("COMPLETED").GetInt64());
        Assert.Equal(2, statistics.GetProperty("FAILED").GetInt64());
        Assert.Equal(0, statistics.GetProperty("SHIPPED").GetInt64());
        Assert.Equal("s-a", Assert.Single(sagas.GetProperty("items").EnumerateArray()).GetProperty("sagaId").GetString());
        Assert.True(sagas.GetProperty("truncated").GetBoolean());
        var part = Assert.Single(fixture.Owner.Received, r => r.PathAndQuery.StartsWith("/sagas?", StringComparison.Ordinal));
        Assert.Equal("/sagas?state=COMPLETED&limit=1", part.PathAndQuery);
        Assert.False(string.IsNullOrEmpty(part.Headers[QueryHeaders.ForwardedBy].ToString()));
    }

    /// <summary>The request the fake owner received, as the owner's own <see cref="PeerCredentials"/> would see it.</summary>
    private static Microsoft.AspNetCore.Http.DefaultHttpContext AsReceived((string PathAndQuery, Microsoft.AspNetCore.Http.IHeaderDictionary Headers) request)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "GET";
        var query = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = query < 0 ? request.PathAndQuery : request.PathAndQuery[..query];
        context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query < 0 ? "" : request.PathAndQuery[query..]);
        foreach (var header in new[] { QueryHeaders.ForwardedBy, PeerCredentials.Header })
        {
            context.Request.Headers[header] = request.Headers[header];
        }

        return context;
    }

    private Task<HttpResponseMessage> GetAsync(string path) => fixture.Host.Client.GetAsync(new Uri(path, UriKind.Relative));

    private static object Order(string orderId) => new
    {
        orderId,
        customerId = "c-ada",
        items = new[] { new { productId = "p-book", quantity = 1, price = 12.50m } },
        currency = "EUR",
        shippingAddress = new { recipient = "Ada", street = "Main St 1", city = "Berlin", postalCode = "10115", country = "DE" },
    };
}
