using System.Net;
using System.Text;

namespace StreamsApp.Worker.Tests.Hostile;

/// <summary>
/// A bounded, seeded fuzz of every endpoint of a ready worker: malformed and wrong-typed JSON (orders and replay
/// filters), huge and deeply nested bodies, long and odd ids, control characters, bad ranges. No answer is a 5xx, and none shows a stack trace or
/// names an internal type.
/// </summary>
public sealed class HttpFuzzTests(EmbeddedWorkerFixture fixture) : IClassFixture<EmbeddedWorkerFixture>
{
    private static readonly string[] Ids =
    [
        "x", new string('a', 300), "%00", "%0A%0Dfail:%20forged", "..", "%2E%2E", "%2F", "%FF%FE", "%C3%BC", "%F0%9F%98%80",
        "%3Cscript%3E", "'%3B%20DROP", "a%20b", "%1B%5B2J", "-", "_", "0", "null", "%25",
    ];

    private static readonly string[] QueryValues =
    [
        "", "-1", "0", "1001", "abc", "99999999999999999999", "2026-13-40", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
        "2026-11-23T00:00:00Z", "%00", "%0A", "BOGUS", "COMPLETED", new string('9', 400),
    ];

    private static readonly string[] Bodies =
    [
        "", "{", "}", "null", "true", "[]", "\"order\"", "{\"customerId\":1}", "{\"items\":\"many\"}", "{\"items\":[null]}",
        "{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1.5,\"price\":1}],\"currency\":\"EUR\",\"shippingAddress\":{}}",
        "{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":-1e400}],\"currency\":\"EUR\",\"shippingAddress\":{}}",
        "{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":1,\"price\":1}],\"currency\":\"EUR\",\"shippingAddress\":[]}",
        "{\"orderId\":\"\\u0000\\u001b[2J\",\"customerId\":\"c\"}",
        new string('[', 2000) + new string(']', 2000),
        "{\"customerId\":\"" + new string('x', 60_000) + "\"}",
        "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 501),
        "\uFEFF{}",
        // An order line's integer that overflows, and values of the wrong type for a replay filter's fields.
        "{\"customerId\":\"c\",\"items\":[{\"productId\":\"p\",\"quantity\":99999999999999,\"price\":1}],\"currency\":\"EUR\"}",
        "{\"partition\":99999999999,\"fromOffset\":-1}", "{\"fromOffset\":\"x\"}", "{\"errorClass\":5,\"toOffset\":1e30}",
    ];

    [Fact]
    public async Task NoRequestGetsA5xxOrAStackTrace()
    {
        // Ready, and the worker has read back its own claim, so that every store has an owner: no 503 is due.
        await Wait.UntilAsync(
            async () => (await fixture.Host.Client.GetAsync(new Uri("/orders/warm-up", UriKind.Relative))).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(20));
        var random = new Random(13);
        var failures = new List<string>();
        foreach (var path in Paths(random))
        {
            await CheckAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), $"GET {path}", failures);
        }

        foreach (var body in Bodies)
        {
            foreach (var contentType in new[] { "application/json", "text/plain" })
            {
                foreach (var path in new[] { $"/orders?wait={QueryValues[random.Next(QueryValues.Length)]}", "/dlt/orders.events.DLT/replay" })
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
                    {
                        Content = new StringContent(body, Encoding.UTF8, contentType),
                    };
                    await CheckAsync(request, $"POST {path} ({contentType}) {body[..Math.Min(body.Length, 60)]}", failures);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<string> Paths(Random random)
    {
        string Id() => Ids[random.Next(Ids.Length)];
        string Value() => QueryValues[random.Next(QueryValues.Length)];
        foreach (var id in Ids)
        {
            yield return $"/orders/{id}";
            yield return $"/orders/{id}?minVersion={Value()}";
            yield return $"/customers/{id}";
            yield return $"/sagas/{id}";
            yield return $"/products/{id}/sales";
            yield return $"/stores/{id}";
            yield return $"/stores/{id}/keys/{Id()}";
            yield return $"/stores/projections-order-views/keys/{id}";
            yield return $"/stores/projections-product-sales/keys/{id}?from={Value()}&to={Value()}";
            yield return $"/dlt/{id}?from={Value()}&limit={Value()}";
        }

        for (var i = 0; i < 60; i++)
        {
            yield return $"/sagas?state={Value()}&limit={Value()}";
            yield return $"/products/{Id()}/sales?from={Value()}&to={Value()}";
            yield return $"/stores/projections-order-views?from={Value()}&to={Value()}&limit={Value()}";
            yield return $"/stores/projections-product-sales?from={Value()}&to={Value()}&limit={Value()}";
            yield return $"/topology?format={Value()}";
            yield return $"/dlt/orders.events.DLT?from={Value()}&limit={Value()}";
        }

        yield return "/sagas/statistics?x=%00";
        yield return "/stores";
        yield return "/dlt";
        yield return "/metrics";
    }

    private async Task CheckAsync(HttpRequestMessage request, string what, List<string> failures)
    {
        using (request)
        {
            using var response = await fixture.Host.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            // Errors name no type; answers may name what they are about (/metrics names its meters, StreamsApp.Streams).
            var error = (int)response.StatusCode >= 400;
            if ((int)response.StatusCode >= 500 || body.Contains("   at ", StringComparison.Ordinal)
                || (error && (body.Contains("StreamsApp.", StringComparison.Ordinal) || body.Contains("System.", StringComparison.Ordinal))))
            {
                failures.Add($"{what} -> {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
        }
    }
}
