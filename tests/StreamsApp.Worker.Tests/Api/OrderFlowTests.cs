using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Hosting;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Api;

public sealed class OrderFlowTests(EmbeddedWorkerFixture fixture) : IClassFixture<EmbeddedWorkerFixture>
{
    internal static object GoodOrder(string? orderId = null, int quantity = 2) => new
    {
        orderId,
        customerId = "c-ada",
        items = new[] { new { productId = "p-book", quantity, price = 12.50m } },
        currency = "EUR",
        shippingAddress = new { recipient = "Ada", street = "Main St 1", city = "Berlin", postalCode = "10115", country = "DE" },
    };

    [Fact]
    public async Task AGoodOrderIsAcceptedPublishedWithTraceHeadersAndItsSagaCompletes()
    {
        var orderId = "it-" + Guid.NewGuid().ToString("N")[..8];

        var response = await fixture.Host.PostOrderAsync(GoodOrder(orderId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/orders/{orderId}", response.Headers.Location?.ToString());
        Assert.Equal(orderId, (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["orderId"]);

        var connection = fixture.Host.Get<KafkaConnection>();
        var published = await ReadUntilAsync(connection, Topics.OrderEvents, r => r.Message.Key == orderId);
        var order = connection.Serdes.Value<OrderCreated>().Deserializer.Deserialize(published.Message.Value, false, new SerializationContext(MessageComponentType.Value, Topics.OrderEvents));
        Assert.Equal(25.00m, order.TotalAmount);
        Assert.Equal(orderId, TraceHeaders.Read(published.Message.Headers)?.CorrelationId);

        var outcome = await ReadUntilAsync(connection, Topics.SagaEvents, r => r.Message.Key == orderId);
        var sagaEvent = connection.Serdes.Value<SagaEvent>().Deserializer.Deserialize(outcome.Message.Value, false, new SerializationContext(MessageComponentType.Value, Topics.SagaEvents));
        Assert.IsType<SagaCompleted>(sagaEvent.Message);
    }

    [Fact]
    public async Task TheSameOrderPostedAgainGetsTheSameAnswerAndIsNotPublishedAgain()
    {
        var orderId = "idem-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Host.PostOrderAsync(GoodOrder(orderId))).StatusCode);
        await WaitUntilAcceptedAsync(orderId);

        var again = await fixture.Host.PostOrderAsync(GoodOrder(orderId));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(orderId, (await again.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["orderId"]);
        Assert.Equal($"/orders/{orderId}", again.Headers.Location?.ToString());
        var connection = fixture.Host.Get<KafkaConnection>();
        var events = await ReadAllAsync(connection, Topics.OrderEvents);
        Assert.Single(events, e => e.Message.Key == orderId);
    }

    [Fact]
    public async Task AnotherOrderUnderAnAcceptedIdGets409AndTheFirstStands()
    {
        var orderId = "idem-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Host.PostOrderAsync(GoodOrder(orderId));
        var first = await WaitUntilAcceptedAsync(orderId);

        var response = await fixture.Host.PostOrderAsync(GoodOrder(orderId, quantity: 3));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("already accepted under id", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("StreamsApp.", problem, StringComparison.Ordinal);
        Assert.Equal(first, await AcceptanceAsync(orderId));
    }

    [Fact]
    public async Task AnIdempotencyKeyNamesTheOrderWhenTheBodyDoesNot()
    {
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(GoodOrder(), key);
        var orderId = (await first.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["orderId"];
        await WaitUntilAcceptedAsync(orderId);
        var retried = await PostWithKeyAsync(GoodOrder(), key);
        var changed = await PostWithKeyAsync(GoodOrder(quantity: 5), key);
        var otherKey = await PostWithKeyAsync(GoodOrder(), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(orderId, (await retried.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["orderId"]);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.NotEqual(orderId, (await otherKey.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["orderId"]);
    }

    [Fact]
    public async Task AnIdNeverAcceptedHasNoAcceptance()
    {
        var response = await fixture.Host.Client.GetAsync(new Uri("/orders/never-" + Guid.NewGuid().ToString("N")[..8] + "/acceptance", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LinesWithoutAPriceArePricedFromTheCatalogue()
    {
        var orderId = "priced-" + Guid.NewGuid().ToString("N")[..8];
        var body = new
        {
            orderId,
            customerId = "c-ada",
            items = new object[] { new { productId = "p-book", quantity = 2 }, new { productId = "p-mug", quantity = 1, price = 8.00m } },
            currency = "EUR",
            shippingAddress = new { recipient = "Ada", street = "Main St 1", city = "Berlin", postalCode = "10115", country = "DE" },
        };

        var response = await fixture.Host.PostOrderAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var connection = fixture.Host.Get<KafkaConnection>();
        var published = await ReadUntilAsync(connection, Topics.OrderEvents, r => r.Message.Key == orderId);
        var order = connection.Serdes.Value<OrderCreated>().Deserializer.Deserialize(published.Message.Value, false, new SerializationContext(MessageComponentType.Value, Topics.OrderEvents));
        Assert.Equal([12.50m, 8.00m], order.Items.Select(item => item.Price));
        Assert.Equal(33.00m, order.TotalAmount);
    }

    [Fact]
    public async Task APostThatWaitsGetsTheSagasOutcomeAndARetryAfterItGetsItAtOnce()
    {
        var orderId = "wait-" + Guid.NewGuid().ToString("N")[..8];

        var response = await fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=20s", UriKind.Relative), GoodOrder(orderId));
        var retried = await fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=20s", UriKind.Relative), GoodOrder(orderId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((orderId, "COMPLETED"), (outcome.GetProperty("orderId").GetString(), outcome.GetProperty("status").GetString()));
        Assert.False(string.IsNullOrEmpty(outcome.GetProperty("shipmentId").GetString()));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("COMPLETED", (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AClientReadsItsOwnWritesByWaitingForTheSagaVersionItWasAnswered()
    {
        var orderId = "ryw-" + Guid.NewGuid().ToString("N")[..8];
        var response = await fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=20s", UriKind.Relative), GoodOrder(orderId));
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        var version = outcome.GetProperty("sagaVersion").GetInt64();

        var view = await fixture.Host.Client.GetAsync(new Uri($"/orders/{orderId}?minVersion={version}&wait=20s", UriKind.Relative));
        var ahead = await fixture.Host.Client.GetAsync(new Uri($"/orders/{orderId}?minVersion={version + 1}&wait=200ms", UriKind.Relative));
        var bad = await fixture.Host.Client.GetAsync(new Uri($"/orders/{orderId}?minVersion=0", UriKind.Relative));

        // The saga's five states: STARTED, STOCK_RESERVED, PAYMENT_DONE, SHIPPED, COMPLETED.
        Assert.Equal((HttpStatusCode.OK, 5L), (response.StatusCode, version));
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var shown = await view.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("COMPLETED", version), (shown.GetProperty("status").GetString(), shown.GetProperty("sagaVersion").GetInt64()));
        // A version the view has not applied: 202 with the view as it is once the wait is over.
        Assert.Equal(HttpStatusCode.Accepted, ahead.StatusCode);
        Assert.Equal(version, (await ahead.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sagaVersion").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task TwoRequestsWaitingForOneOrderBothGetItsOutcomeWhenTheFirstStopsWaitingEarly()
    {
        var orderId = "wait2-" + Guid.NewGuid().ToString("N")[..8];

        var impatient = fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=1ms", UriKind.Relative), GoodOrder(orderId));
        var patient = fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=20s", UriKind.Relative), GoodOrder(orderId));
        await Task.WhenAll(impatient, patient);

        Assert.Equal(HttpStatusCode.OK, (await patient).StatusCode);
        Assert.Equal("COMPLETED", (await (await patient).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task APreferWaitGetsAFailedSagasReason()
    {
        var body = new
        {
            customerId = "c-ada",
            items = new[] { new { productId = "p-rare", quantity = 1 } },
            currency = "EUR",
            shippingAddress = new { recipient = "Ada", street = "Main St 1", city = "Berlin", postalCode = "10115", country = "DE" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/orders", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Prefer", "wait=20");

        var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FAILED", outcome.GetProperty("status").GetString());
        Assert.Contains("insufficient stock", outcome.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWaitTooShortForTheSagaAnswers202AndABadWaitIs400()
    {
        var shortWait = await fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=1ms", UriKind.Relative), GoodOrder());
        var badWait = await fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=soon", UriKind.Relative), GoodOrder());
        var tooLong = await fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=61s", UriKind.Relative), GoodOrder());
        var huge = await fixture.Host.Client.PostAsJsonAsync(new Uri("/orders?wait=99999999999999999999", UriKind.Relative), GoodOrder());

        Assert.Equal(HttpStatusCode.Accepted, shortWait.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badWait.StatusCode);
        Assert.Contains("wait must be a duration", await badWait.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task AnOrderWithoutIdGetsOne()
    {
        var response = await fixture.Host.PostOrderAsync(GoodOrder());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["orderId"];
        Assert.True(Guid.TryParse(orderId, out _));
        Assert.Equal($"/orders/{orderId}", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("{\"customerId\":", ": not valid JSON: ")]
    [InlineData("{\"items\":[],\"currency\":\"EUR\"}", "no customerId")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"price\":1}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "no items[0].quantity")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":1}],\"currency\":\"XXX\",\"shippingAddress\":{}}", "Unknown currency: XXX")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":1}],\"currency\":\"EUR\",\"totalAmount\":3,\"shippingAddress\":{}}", "is not the sum of the items")]
    [InlineData("[1,2]", "$: an object with orderId, customerId, items, currency, shippingAddress, totalAmount, couponCode")]
    [InlineData("{\"customerId\":1}", "$.customerId: a string")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":\"many\"}", "$.items: an array")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[1]}", "$.items[0]: an object with productId, quantity, price")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":2147483648,\"price\":1}]}", "$.items[0].quantity: a whole number up to 2147483647")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":79228162514264337593543950335}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "items[0].price is not an amount")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":1.23456}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "items[0].price is not an amount")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":2147483647,\"price\":99999999999999}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "has more than 14 integer digits")]
    [InlineData("{\"orderId\":\"a/b\",\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":1}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "An order id is")]
    [InlineData("{\"orderId\":\"..\",\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":1}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "An order id is")]
    [InlineData("{\"orderId\":\"a\\u0000b\",\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":1}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "An order id is")]
    [InlineData("{\"orderId\":\"a\\nfail: forged\",\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":1}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "An order id is")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":0.01}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "items[0].price: p-book costs 12.50 EUR in the catalogue, not 0.01")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-book\",\"quantity\":1,\"price\":12.50}],\"currency\":\"USD\",\"shippingAddress\":{}}", "items[0]: p-book is sold in EUR, not USD")]
    [InlineData("{\"customerId\":\"c-ada\",\"items\":[{\"productId\":\"p-nowhere\",\"quantity\":1}],\"currency\":\"EUR\",\"shippingAddress\":{}}", "items[0] has no price, and p-nowhere is not in the product catalogue")]
    public async Task ABadOrderGets400WithTheReason(string body, string reason)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await fixture.Host.Client.PostAsync(new Uri("/orders", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("StreamsApp.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrderIdOfTheWholeCharacterSetIsAccepted()
    {
        var orderId = "A9.b_c:d-" + new string('x', 119);

        var response = await fixture.Host.PostOrderAsync(GoodOrder(orderId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/orders/{Uri.EscapeDataString(orderId)}", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Host.PostOrderAsync(GoodOrder(orderId + "y"))).StatusCode);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedAndTheWorkerStaysUp()
    {
        using var content = new StringContent("{\"customerId\":\"" + new string('x', 200_000) + "\"}", Encoding.UTF8, "application/json");

        var response = await fixture.Host.Client.PostAsync(new Uri("/orders", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True((await fixture.Host.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task ReadinessReportsTheRuntimeStateAndTheActiveTasks()
    {
        var response = await fixture.Host.Client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Contains("KafkaStreams is Running", response, StringComparison.Ordinal);
        // One partition per topic: every sub-topology's task 0.
        var tasks = System.Text.Json.JsonDocument.Parse(response).RootElement.GetProperty("checks").GetProperty("kafka-streams-ready").GetProperty("data").GetProperty("activeTasks");
        var expected = fixture.Host.Get<IKafkaStreamsInstance>().Description.Subtopologies.Select(s => $"{s.Id}_0");
        Assert.Equal(expected.Order(StringComparer.Ordinal), tasks.EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal));
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/orders", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await fixture.Host.Client.SendAsync(request);
    }

    /// <summary>The intake's acceptance of <paramref name="orderId"/> (its fingerprint); null while there is none.</summary>
    private async Task<string?> AcceptanceAsync(string orderId)
    {
        var response = await fixture.Host.Client.GetAsync(new Uri($"/orders/{orderId}/acceptance", UriKind.Relative));
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["fingerprint"] : null;
    }

    private async Task<string> WaitUntilAcceptedAsync(string orderId)
    {
        string? fingerprint = null;
        await Wait.UntilAsync(async () => (fingerprint = await AcceptanceAsync(orderId)) is not null, TimeSpan.FromSeconds(30));
        return fingerprint!;
    }

    /// <summary>Every record of <paramref name="topic"/> up to its end now.</summary>
    private static async Task<List<ConsumeResult<string, byte[]>>> ReadAllAsync(KafkaConnection connection, string topic)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = connection.BootstrapServers,
            GroupId = "test-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(topic);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await Task.Run(() =>
        {
            var records = new List<ConsumeResult<string, byte[]>>();
            var ended = new HashSet<int>();
            try
            {
                while (consumer.Assignment.Count == 0 || ended.Count < consumer.Assignment.Count)
                {
                    var result = consumer.Consume(timeout.Token);
                    if (result.IsPartitionEOF)
                    {
                        ended.Add(result.Partition.Value);
                    }
                    else
                    {
                        records.Add(result);
                    }
                }

                return records;
            }
            finally
            {
                consumer.Close();
            }
        });
    }

    internal static async Task<ConsumeResult<string, byte[]>> ReadUntilAsync(KafkaConnection connection, string topic, Func<ConsumeResult<string, byte[]>, bool> match)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = connection.BootstrapServers,
            GroupId = "test-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(topic);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    if (consumer.Consume(timeout.Token) is { } result && match(result))
                    {
                        return result;
                    }
                }
            }
            finally
            {
                consumer.Close();
            }
        });
    }
}
